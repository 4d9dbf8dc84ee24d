// The first screen's weight, read from the built renderer (dist/renderer; `npm test` builds before
// it runs the tests). The first screen loads index.html's module script, the chunks it imports
// statically (Vite lists them as modulepreload links), and one language's catalog; every other
// view, dialog and the other language are chunks loaded when they are first shown.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const renderer = resolve(__dirname, '..', '..', '..', 'dist', 'renderer');
/**
 * Bytes, minified, of the first screen's own script (the language catalog counted apart): 338 KB
 * when set, from 620 KB with every view and both catalogs. Issue 16 aims at 250 KB, which these
 * libraries alone nearly fill: react-dom 203 KB, @tanstack/virtual-core 32 KB, React and its JSX
 * runtime 12 KB (bench/README.md). A change that grows the first screen past this fails here.
 * Raised to 360 KB when the first screen gained the boundary marks and filter, the theme and
 * density pickers, the grid keys and shortcuts and the volume stores (354 KB then, with the command
 * palette moved to a chunk of its own); bringing it back down is issue 16's.
 */
const SCRIPT_BUDGET = 360 * 1000;
/** Bytes of one language's catalog chunk. */
const CATALOG_BUDGET = 120 * 1000;

const read = (file: string): string => readFileSync(join(renderer, file), 'utf8');
const size = (file: string): number => statSync(join(renderer, file)).size;

/** The entry script and every chunk it reaches through static imports. */
function firstScreen(): string[] {
  if (!existsSync(join(renderer, 'index.html'))) throw new Error('dist/renderer is not built: run `npm run build` first');
  const html = read('index.html');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/renderer/index.html has no module script');
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const match of read(file).matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(dir + match[1]);
    }
  };
  visit(entry);
  for (const match of html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)) visit(match[1] as string);
  return [...seen];
}

function chunks(): string[] {
  const dir = join(renderer, 'assets');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
}

/** The chunk holding a language's catalog: the one with that language's sentence for a known key. */
function catalogChunk(sentence: string): string {
  const found = chunks().filter((file) => read(file).includes(sentence));
  expect(found, `chunks with "${sentence}"`).toHaveLength(1);
  return found[0] as string;
}

describe('the first screen (dist/renderer)', () => {
  const english = 'Reload the view';
  const spanish = 'Volver a cargar la vista';

  it(`is at most ${SCRIPT_BUDGET / 1000} KB of script`, () => {
    const files = firstScreen();
    const total = files.reduce((sum, file) => sum + size(file), 0);
    expect(total, files.map((file) => `${file} ${size(file)}`).join('\n')).toBeLessThanOrEqual(SCRIPT_BUDGET);
  });

  it('carries neither language: each catalog is its own chunk, within its budget', () => {
    const files = firstScreen();
    const en = catalogChunk(english);
    const es = catalogChunk(spanish);
    expect(en).not.toBe(es);
    expect(files).not.toContain(en);
    expect(files).not.toContain(es);
    expect(size(en)).toBeLessThanOrEqual(CATALOG_BUDGET);
    expect(size(es)).toBeLessThanOrEqual(CATALOG_BUDGET);
  });

  it('loads the views that are not the first screen on demand', () => {
    const first = firstScreen().map(read).join('\n');
    // A sentence each of the Images, Volumes, Networks, Engine settings and Details views is in the
    // catalogs, not the script; their components are recognised by their CSS class names.
    for (const className of ['details-', 'backends-', 'create-form']) {
      expect(first.includes(`"${className}`) || first.includes(`'${className}`), className).toBe(false);
    }
    expect(chunks().length).toBeGreaterThan(firstScreen().length + 8);
  });
});
