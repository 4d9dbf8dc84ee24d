// No renderer path reaches Node, the filesystem or the engine except through the validated
// contract. Proven on what ships (dist/, built by `npm run build` before the tests):
// - the built renderer bundle names no Node or Electron global and imports nothing but itself;
// - the built preload requires only `electron` and puts exactly `invoke` and `subscribe` on
//   `window.silo`, which carry plain data over Silo's two channels and never the IPC event;
// - the renderer's own type project cannot even name `process`, `require` or a Node module.
// The page itself, under the browser host, is checked for globals in test/e2e/reliability-page.test.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../src/shared/bridge';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');

function built(path: string): string {
  const full = join(DIST, path);
  if (!existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first (npm test does)`);
  return readFileSync(full, 'utf8');
}

/** Globals of Node and Electron a page must never touch. */
const NODE_GLOBALS = new Set(['require', 'process', 'module', 'exports', '__dirname', '__filename', 'Buffer', 'global', 'ipcRenderer', 'setImmediate']);

interface Reach {
  name: string;
  text: string;
}

/** Free references to NODE_GLOBALS in a script (a `typeof x` feature test, and its guarded uses, excepted). */
function nodeReferences(code: string): Reach[] {
  const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const declared = new Set<string>();
  const found: Reach[] = [];
  const isDeclarationName = (node: ts.Identifier): boolean => {
    const p = node.parent;
    return (
      ((ts.isVariableDeclaration(p) ||
        ts.isParameter(p) ||
        ts.isFunctionDeclaration(p) ||
        ts.isFunctionExpression(p) ||
        ts.isClassDeclaration(p) ||
        ts.isBindingElement(p)) &&
        p.name === node) ||
      ((ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === node)
    );
  };
  /** `typeof process == 'object' && process.emit(...)`: the use is guarded by the feature test to its left. */
  const guarded = (node: ts.Node, name: string): boolean => {
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (ts.isTypeOfExpression(p)) return true;
      if (
        ts.isBinaryExpression(p) &&
        p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        p.right === child &&
        p.left.getText().includes(`typeof ${name}`)
      )
        return true;
      if (ts.isIfStatement(p) && p.thenStatement === child && p.expression.getText().includes(`typeof ${name}`)) return true;
      if (ts.isConditionalExpression(p) && p.whenTrue === child && p.condition.getText().includes(`typeof ${name}`)) return true;
    }
    return false;
  };
  const collect = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      NODE_GLOBALS.has(node.text) &&
      isDeclarationName(node) &&
      !ts.isPropertyAccessExpression(node.parent) &&
      !ts.isPropertyAssignment(node.parent)
    )
      declared.add(node.text);
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !isDeclarationName(node) && !declared.has(node.text) && !guarded(node, node.text)) {
      found.push({ name: node.text, text: node.parent.getText().slice(0, 120) });
    }
    ts.forEachChild(node, visit);
  };
  collect(source);
  visit(source);
  return found;
}

/** Module specifiers a script imports, statically or dynamically. */
function imports(code: string): string[] {
  const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push(node.arguments[0]?.getText() ?? '');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the built renderer', () => {
  const html = built('renderer/index.html');
  const scripts = readdirSync(join(DIST, 'renderer', 'assets')).filter((f) => f.endsWith('.js'));

  it('loads only its own bundled scripts: no inline script, no other origin', () => {
    const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(tags.length).toBeGreaterThan(0);
    for (const [, attributes, body] of tags) {
      expect(body!.trim()).toBe('');
      expect(attributes).toMatch(/\ssrc="\.\/assets\/[\w.-]+\.js"/);
    }
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[\s\S]*script-src 'self'/);
    expect(scripts.length).toBeGreaterThan(0);
  });

  it('names no Node or Electron global, and imports only its own chunks', () => {
    for (const file of scripts) {
      const code = built(`renderer/assets/${file}`);
      expect(nodeReferences(code), file).toEqual([]);
      for (const specifier of imports(code)) expect(specifier, file).toMatch(/^["'`]?\.\.?\//);
    }
  });

  it('the check above finds what it looks for (a bad bundle is caught)', () => {
    const bad =
      'const fs = require("fs"); export function f(){ return process.env.HOME + __dirname } import("node:child_process"); window.ipcRenderer.send("x")';
    expect(
      nodeReferences(bad)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['__dirname', 'process', 'require']);
    expect(imports(bad)).toEqual(['"node:child_process"']);
    // React's own feature test stays allowed; an unguarded use next to it does not.
    expect(nodeReferences('if (typeof process == "object" && typeof process.emit == "function") { process.emit("x") }')).toEqual([]);
    expect(nodeReferences('typeof process == "object"; process.exit(1)').map((r) => r.name)).toEqual(['process']);
  });
});

describe('the built preload', () => {
  function loadPreload() {
    const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
    const sent: unknown[][] = [];
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const ipcRenderer = {
      invoke: (...args: unknown[]) => (sent.push(args), Promise.resolve({ ok: true, result: null })),
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(listener),
      send: () => {
        throw new Error('the preload must not send');
      },
    };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) }, ipcRenderer };
    const required: string[] = [];
    const require = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload may not require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(built('preload/index.cjs'), { require, module, exports: module.exports, console });
    return { exposed, sent, listeners, required, ipcRenderer };
  }

  it('requires nothing but electron and exposes exactly invoke and subscribe, once, as window.silo', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    expect(exposed[0]!.key).toBe('silo');
    expect(Object.keys(exposed[0]!.api).sort()).toEqual(['invoke', 'subscribe']);
    for (const value of Object.values(exposed[0]!.api)) expect(typeof value).toBe('function');
  });

  it('invoke carries the call and its argument on the call channel only, and returns the plain reply', async () => {
    const { exposed, sent } = loadPreload();
    const api = exposed[0]!.api as { invoke: (call: unknown, args: unknown) => Promise<unknown> };
    expect(await api.invoke('containers.list', { x: 1 })).toEqual({ ok: true, result: null });
    expect(sent).toEqual([[IPC_CALL_CHANNEL, 'containers.list', { x: 1 }]]);
  });

  it('subscribe hands the page the message only, never the IPC event, and unsubscribes exactly its listener', () => {
    const { exposed, listeners } = loadPreload();
    const api = exposed[0]!.api as { subscribe: (listener: (...args: unknown[]) => void) => () => void };
    const got: unknown[][] = [];
    const off = api.subscribe((...args) => got.push(args));
    expect([...listeners.keys()]).toEqual([IPC_EVENT_CHANNEL]);
    const ipcEvent = { sender: { send: () => undefined }, senderFrame: {}, ports: [] };
    for (const listener of listeners.get(IPC_EVENT_CHANNEL)!) listener(ipcEvent, { event: 'containers.changed', payload: 1 });
    expect(got).toEqual([[{ event: 'containers.changed', payload: 1 }]]);
    off();
    expect(listeners.get(IPC_EVENT_CHANNEL)!.size).toBe(0);
  });
});

describe("the renderer's type project", () => {
  it('cannot name process, require, Buffer or a Node module: renderer code using them does not compile', () => {
    const configPath = join(ROOT, 'tsconfig.web.json');
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const probe = join(ROOT, 'src', 'renderer', '__reach_probe__.ts');
    const text = [
      "import { readFileSync } from 'node:fs';",
      'export const a = process.env.HOME;',
      "export const b = require('child_process');",
      'export const c = Buffer.from("x");',
      'export const d = readFileSync;',
    ].join('\n');
    const host = ts.createCompilerHost(config.options);
    const read = host.readFile.bind(host);
    host.readFile = (file) => (file === probe ? text : read(file));
    const exists = host.fileExists.bind(host);
    host.fileExists = (file) => file === probe || exists(file);
    const program = ts.createProgram({ rootNames: [probe], options: { ...config.options, noEmit: true }, host });
    const messages = ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(
      messages.some((m) => /Cannot find name 'process'/.test(m)),
      messages.join('\n'),
    ).toBe(true);
    expect(messages.some((m) => /Cannot find name 'require'/.test(m))).toBe(true);
    expect(messages.some((m) => /Cannot find name 'Buffer'/.test(m))).toBe(true);
    expect(messages.some((m) => /Cannot find (name|module) 'node:fs'/.test(m))).toBe(true);
  }, 30_000);
});
