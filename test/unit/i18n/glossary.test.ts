// The Spanish glossary (src/renderer/i18n/glossary.es.json, described in GLOSSARY.md): every Spanish
// catalog speaks to the person as tú and names each thing with one word.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Glossary {
  register: { use: string; forbidden: string[] };
  terms: { en: string; use: string; forbidden: string[] }[];
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const glossary = JSON.parse(readFileSync(join(ROOT, 'src/renderer/i18n/glossary.es.json'), 'utf8')) as Glossary;

/** Every Spanish catalog: the renderer's domains and main's (tray, notifications, web host). */
function spanishCatalogs(): string[] {
  const renderer = readdirSync(join(ROOT, 'src/renderer/i18n/es')).map((f) => join('src/renderer/i18n/es', f));
  const main = readdirSync(join(ROOT, 'src/main'))
    .map((dir) => join('src/main', dir, 'i18n', 'es.json'))
    .filter((path) => {
      try {
        readFileSync(join(ROOT, path));
        return true;
      } catch {
        return false;
      }
    });
  return [...renderer, ...main];
}

/** Each message of a catalog (plural forms too), with its key. */
function messages(path: string): [string, string][] {
  const catalog = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, string | Record<string, string>>;
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value] as [string, string]] : Object.entries(value).map(([form, text]) => [`${key}.${form}`, text] as [string, string]),
  );
}

/** A whole word or phrase, case-insensitive, not part of a longer word. */
function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

function offenders(forbidden: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of spanishCatalogs()) {
    for (const [key, message] of messages(path)) {
      // Placeholders ({container}) are names for the code, not words of the sentence.
      // So are file names and paths (containers.conf, /etc/containers) and product names.
      const text = message
        .replace(/\{\w+\}/g, '…')
        .replace(/\S*\w[./]\w\S*/g, '…')
        .replace(/Kata Containers/g, '…');
      for (const word of forbidden) if (wordPattern(word).test(text)) found.push(`${path} ${key}: «${word}» in «${text}»`);
    }
  }
  return found;
}

describe('the Spanish glossary', () => {
  it('reads the catalogs it guards', () => {
    const paths = spanishCatalogs();
    expect(paths).toContain('src/renderer/i18n/es/core.json');
    expect(paths).toContain('src/main/tray/i18n/es.json');
    expect(paths.flatMap(messages).length).toBeGreaterThan(500);
  });

  it('the matcher finds a word and not a longer word that contains it', () => {
    expect(wordPattern('equipo').test('Encontrado en este equipo.')).toBe(true);
    expect(wordPattern('equipo').test('los equipamientos')).toBe(false);
    expect(wordPattern('elija').test('Elija un contenedor')).toBe(true);
  });

  it('speaks as tú: no usted form in any catalog', () => {
    expect(offenders(glossary.register.forbidden)).toEqual([]);
  });

  for (const term of glossary.terms) {
    it(`says «${term.use}» for ${term.en}, never a synonym`, () => {
      expect(offenders(term.forbidden)).toEqual([]);
    });
  }

  it('the host is «host», and the catalogs do use it', () => {
    const all = spanishCatalogs().flatMap(messages);
    expect(all.filter(([, text]) => wordPattern('host').test(text)).length).toBeGreaterThan(10);
  });
});
