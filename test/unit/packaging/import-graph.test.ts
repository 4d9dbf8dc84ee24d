// The shape of src/main stays what the README's Architecture says: no import circle anywhere in
// src (type-only imports count: a circle of types is still a circle a reader must untangle), and
// no import that runs back up a floor of the main process. Imports are read with TypeScript's own
// pre-processor, so comments and strings are never mistaken for imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..');
const src = join(root, 'src');

/**
 * Floors of src/main, lowest first: a folder may import its own floor's folders or lower ones,
 * never a higher one. The capabilities (one room each) never import one another.
 */
const FLOORS: string[][] = [
  ['util', 'platform'],
  ['engine'],
  ['isolation', 'dashboard', 'backends', 'preferences'],
  ['host'],
  ['tray', 'notify', 'update'],
  ['electron', 'web'],
];
const ROOMS = new Set(FLOORS[2]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${relative(root, from)} imports ${spec}, which does not exist`);
}

const files = sources(src);
const graph = new Map<string, string[]>(
  files.map((file) => {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    return [file, imports.map((i) => resolveImport(file, i.fileName)).filter((p): p is string => p !== null)];
  }),
);

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function circles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(root, w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const file of files) if (!order.has(file)) visit(file);
  return found;
}

/** The src/main folder a file is in, or null outside src/main. */
function folderOf(file: string): string | null {
  const parts = relative(join(src, 'main'), file).split(/[\\/]/);
  return parts[0] === '..' || parts.length < 2 ? null : parts[0]!;
}

const floorOf = (folder: string): number => FLOORS.findIndex((floor) => floor.includes(folder));

describe('the import graph of src', () => {
  it('has no circle', () => {
    expect(circles()).toEqual([]);
  });

  it('puts every folder of src/main on a floor', () => {
    const folders = readdirSync(join(src, 'main')).filter((name) => statSync(join(src, 'main', name)).isDirectory());
    expect(folders.filter((folder) => floorOf(folder) < 0)).toEqual([]);
  });

  it('never imports up a floor of src/main, and no capability imports another', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = folderOf(file);
      if (from === null) continue;
      for (const target of imports) {
        const to = folderOf(target);
        if (to === null || to === from) continue;
        const up = floorOf(to) > floorOf(from);
        const sideways = ROOMS.has(from) && ROOMS.has(to);
        if (up || sideways) wrong.push(`${relative(root, file)} -> ${relative(root, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sees the imports it checks (the hub composes every capability)', () => {
    const hub = graph.get(join(src, 'main', 'host', 'sessions.ts')) ?? [];
    const folders = new Set(hub.map(folderOf));
    for (const room of ['engine', 'isolation', 'dashboard', 'backends', 'preferences']) expect(folders).toContain(room);
  });
});
