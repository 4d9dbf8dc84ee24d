/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { EN_DOMAINS, ES_DOMAINS, en, es } from '../../../src/renderer/i18n/catalogs';
import { interpolate, matchLanguage, pickLanguage, translate, type MessageKey } from '../../../src/renderer/i18n';
import { ERROR_CODES } from '../../../src/shared/errors';

type Catalog = Record<string, string | Record<string, string>>;
const catalogs: Record<string, Catalog> = { en, es };

// Every source file of the renderer, as text (Vite's glob import: no Node APIs needed).
const sources = import.meta.glob('../../../src/renderer/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function placeholders(message: string | Record<string, string>): string[] {
  const text = typeof message === 'string' ? message : Object.values(message).join(' ');
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

describe('catalogs', () => {
  it('each domain has a file per language, and no key is defined by two domains', () => {
    expect(Object.keys(ES_DOMAINS).sort()).toEqual(Object.keys(EN_DOMAINS).sort());
    const seen = new Map<string, string>();
    for (const [domain, catalog] of Object.entries(EN_DOMAINS)) {
      for (const key of Object.keys(catalog)) {
        expect(seen.get(key), `${key} in ${domain} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, domain);
      }
    }
  });

  it('en and es have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('a plural message is plural in both, with an "other" form', () => {
    for (const key of Object.keys(en)) {
      for (const [language, catalog] of Object.entries(catalogs)) {
        const message = catalog[key];
        expect(typeof message, `${language} ${key}`).toBe(typeof (en as Catalog)[key]);
        if (typeof message === 'object') expect(message.other, `${language} ${key}`).toBeTypeOf('string');
      }
    }
  });

  it('both languages use the same placeholders in each message', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders((es as Catalog)[key] ?? ''), key).toEqual(placeholders((en as Catalog)[key] ?? ''));
    }
  });

  it('no message is empty, and Spanish is translated where English words are', () => {
    // Product names read the same in both: Podman.
    const sameOnPurpose = new Set(['app.name', 'app.title', 'language.en', 'language.es', 'isolation.pending', 'engineKind.podman']);
    for (const key of Object.keys(en)) {
      const english = JSON.stringify((en as Catalog)[key]);
      const spanish = JSON.stringify((es as Catalog)[key]);
      expect(english.length, key).toBeGreaterThan(2);
      expect(spanish.length, key).toBeGreaterThan(2);
      const hasWords = /[a-z]{3,}/.test(english.replace(/\{\w+\}/g, ''));
      const technical = /^"?(seccomp|apparmor|selinux|kernel|tls|windows server|hyper-v|linux|windows)"?$/i.test(english) || english.includes('DOCKER_');
      if (hasWords && !technical && !sameOnPurpose.has(key)) expect(spanish, key).not.toBe(english);
    }
  });

  it('has a sentence for every error code, in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(en, code).toHaveProperty([`error.${code}`]);
      expect(es, code).toHaveProperty([`error.${code}`]);
    }
  });

  it('uses the required action names', () => {
    expect([
      en['action.start'],
      en['action.stop'],
      en['action.restart'],
      en['action.pause'],
      en['action.unpause'],
      en['action.kill'],
      en['action.remove'],
    ]).toEqual(['Start', 'Stop', 'Restart', 'Pause', 'Resume', 'Kill', 'Remove']);
    expect(es['action.start']).toBe('Iniciar');
    expect(es['action.unpause']).toBe('Reanudar');
    expect(es['action.remove']).toBe('Eliminar');
  });
});

describe('key coverage', () => {
  it('finds the renderer sources', () => {
    expect(Object.keys(sources).some((path) => path.endsWith('/App.tsx'))).toBe(true);
  });

  it("every t('key') in the code exists", () => {
    const missing: string[] = [];
    let found = 0;
    for (const [path, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) {
        found += 1;
        if (!((match[2] as string) in en)) missing.push(`${path}: ${match[2]}`);
      }
      // t(cond ? 'a' : 'b') and friends: every quoted dotted key inside a t( … ) call
      for (const match of text.matchAll(/\bt\(([^()]*\?[^()]*)\)/g)) {
        for (const key of (match[1] as string).matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) {
          if (!((key[1] as string) in en)) missing.push(`${path}: ${key[1]}`);
        }
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('every t(`prefix.${…}`) prefix names existing keys', () => {
    const missing: string[] = [];
    for (const [path, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
        const prefix = match[1] as string;
        if (!Object.keys(en).some((key) => key.startsWith(prefix))) missing.push(`${path}: ${prefix}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('translate', () => {
  it('interpolates {name} and leaves out missing values', () => {
    expect(interpolate('Remove {name}?', { name: 'web' })).toBe('Remove web?');
    expect(interpolate('a {missing} b')).toBe('a  b');
  });

  it('picks plural forms by count', () => {
    expect(translate('en', 'containers.total', { count: 1 })).toBe('1 container');
    expect(translate('en', 'containers.total', { count: 0 })).toBe('0 containers');
    expect(translate('en', 'containers.total', { count: 1000 })).toBe('1000 containers');
    expect(translate('es', 'containers.total', { count: 1 })).toBe('1 contenedor');
    expect(translate('es', 'containers.total', { count: 3 })).toBe('3 contenedores');
    expect(translate('es', 'containers.total', { count: 1_000_000 })).toBe('1000000 contenedores');
  });

  it('falls back to the key for an unknown key', () => {
    expect(translate('en', 'no.such.key' as MessageKey)).toBe('no.such.key');
  });
});

describe('language choice', () => {
  it('prefers the stored setting, then ?lang=, then the system, then English', () => {
    expect(pickLanguage('en', 'es', ['es-ES'])).toBe('en');
    expect(pickLanguage(null, 'es', ['en-US'])).toBe('es');
    expect(pickLanguage(null, 'fr', ['es-419', 'en'])).toBe('es');
    expect(pickLanguage(null, null, ['de-DE', 'fr'])).toBe('en');
    expect(pickLanguage(null, 'ES', [])).toBe('es');
  });

  it('matches base languages of BCP 47 tags', () => {
    expect(matchLanguage(['pt-BR', 'es_MX'])).toBe('es');
    expect(matchLanguage([null, undefined, ''])).toBeNull();
  });
});
