// Silo's own static scan of the Electron security checklist (docs/security.md), for the
// items Electronegativity does not check (17 to 20) and, again, for those it does, on the
// TypeScript AST of every file under src/. Each rule names its checklist item.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Finding {
  rule: string;
  /** The checklist item the rule belongs to. */
  item: number;
  file: string;
  line: number;
  text: string;
}

/** webPreferences that must never take these values (checklist items 2–4, 6, 8–11). */
const FORBIDDEN_PREFERENCES: Record<string, { value: boolean | 'any'; rule: string; item: number }> = {
  nodeIntegration: { value: true, rule: 'NODE_INTEGRATION', item: 2 },
  nodeIntegrationInWorker: { value: true, rule: 'NODE_INTEGRATION', item: 2 },
  nodeIntegrationInSubFrames: { value: true, rule: 'NODE_INTEGRATION', item: 2 },
  contextIsolation: { value: false, rule: 'CONTEXT_ISOLATION', item: 3 },
  sandbox: { value: false, rule: 'SANDBOX', item: 4 },
  webSecurity: { value: false, rule: 'WEB_SECURITY', item: 6 },
  allowRunningInsecureContent: { value: true, rule: 'INSECURE_CONTENT', item: 8 },
  experimentalFeatures: { value: true, rule: 'EXPERIMENTAL_FEATURES', item: 9 },
  enableBlinkFeatures: { value: 'any', rule: 'BLINK_FEATURES', item: 10 },
  webviewTag: { value: true, rule: 'WEBVIEW', item: 11 },
  enableRemoteModule: { value: true, rule: 'REMOTE_MODULE', item: 20 },
};

const IPC_MAIN_METHODS = new Set(['handle', 'handleOnce', 'on', 'once', 'addListener']);
/** ipcRenderer methods that, called inside the preload, hand the page nothing of Electron's. */
const IPC_RENDERER_CALLS = new Set(['invoke', 'send', 'on', 'once', 'removeListener', 'off']);

function propertyName(name: ts.PropertyName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | null {
  for (let at = node.parent; at; at = at.parent) if (ts.isFunctionLike(at)) return at;
  return null;
}

function isParameterOf(identifier: ts.Identifier, fn: ts.SignatureDeclaration | null): boolean {
  for (let at: ts.SignatureDeclaration | null = fn; at; at = enclosingFunction(at)) {
    if (at.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text)) return true;
  }
  return false;
}

/** Is `call` inside an `if` whose condition calls `guard` on the same expression? */
function isGuardedBy(call: ts.CallExpression, guard: string): boolean {
  const argument = call.arguments[0]?.getText();
  if (!argument) return false;
  for (let at: ts.Node | undefined = call.parent; at; at = at.parent) {
    if (ts.isIfStatement(at) && at.expression.getText().includes(`${guard}(${argument})`)) return true;
    if (ts.isFunctionLike(at)) break;
  }
  return false;
}

export function scanSource(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const report = (node: ts.Node, rule: string, item: number) =>
    findings.push({ rule, item, file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().slice(0, 120) });
  const exposesToPage = text.includes('exposeInMainWorld');

  const visit = (node: ts.Node) => {
    // webPreferences values, wherever an object literal sets them.
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      const forbidden = name ? FORBIDDEN_PREFERENCES[name] : undefined;
      if (forbidden) {
        const value = node.initializer.kind === ts.SyntaxKind.TrueKeyword ? true : node.initializer.kind === ts.SyntaxKind.FalseKeyword ? false : null;
        if (forbidden.value === 'any' || value === forbidden.value) report(node, forbidden.rule, forbidden.item);
      }
    }
    if (ts.isJsxOpeningLikeElement(node) && node.tagName.getText() === 'webview') report(node, 'WEBVIEW', 11);
    if ((ts.isImportDeclaration(node) || ts.isCallExpression(node)) && /['"]@electron\/remote['"]/.test(node.getText()) && !ts.isCallExpression(node.parent)) {
      report(node, 'REMOTE_MODULE', 20);
    }

    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = node.expression.expression.getText();
      const method = node.expression.name.text;
      // 15: shell.openExternal only behind isSafeExternalUrl of the very same value.
      if (method === 'openExternal' && !isGuardedBy(node, 'isSafeExternalUrl')) report(node, 'OPEN_EXTERNAL', 15);
      // 17: every IPC handler in main checks its sender.
      if (target === 'ipcMain' && IPC_MAIN_METHODS.has(method)) {
        const handler = node.arguments[1];
        if (!handler || !handler.getText().includes('isTrustedSender(')) report(node, 'IPC_SENDER', 17);
      }
      // 18 and 1: pages load from app://silo only, never file:// or the network.
      if (method === 'loadFile') report(node, 'FILE_PROTOCOL', 18);
      if (method === 'loadURL') {
        const argument = node.arguments[0];
        const ok = argument && (argument.getText() === 'APP_ENTRY' || (ts.isStringLiteralLike(argument) && argument.text.startsWith('app://silo/')));
        if (!ok) report(node, 'FILE_PROTOCOL', 18);
      }
      // 20: a listener handed to ipcRenderer.on straight from the page receives the IPC event.
      if (exposesToPage && target === 'ipcRenderer' && (method === 'on' || method === 'once')) {
        const listener = node.arguments[1];
        if (listener && ts.isIdentifier(listener) && isParameterOf(listener, enclosingFunction(node))) report(node, 'RAW_IPC_RENDERER', 20);
      }
    }
    // 20: the page gets ipcRenderer itself, or one of its methods unbound from a call.
    if (exposesToPage && ts.isIdentifier(node) && node.text === 'ipcRenderer' && !ts.isImportSpecifier(node.parent)) {
      const parent = node.parent;
      const calledMethod =
        ts.isPropertyAccessExpression(parent) &&
        parent.expression === node &&
        ts.isCallExpression(parent.parent) &&
        parent.parent.expression === parent &&
        IPC_RENDERER_CALLS.has(parent.name.text);
      if (!calledMethod) report(node, 'RAW_IPC_RENDERER', 20);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // 13, 14: a file that creates a window limits its navigation and denies new windows.
  if (/new BrowserWindow\(/.test(text)) {
    if (!text.includes("'will-navigate'"))
      findings.push({ rule: 'NAVIGATION', item: 13, file, line: 1, text: 'new BrowserWindow without a will-navigate handler' });
    if (!/setWindowOpenHandler\([\s\S]*action: 'deny'/.test(text))
      findings.push({ rule: 'NEW_WINDOW', item: 14, file, line: 1, text: 'new BrowserWindow without a denying window-open handler' });
  }
  return findings;
}

export interface CspIssue {
  rule: 'CSP';
  item: 7;
  where: string;
  text: string;
}

/** 7: a CSP without unsafe script sources, plugins or base tags, and without broad sources. */
export function checkCsp(where: string, policy: string | null): CspIssue[] {
  if (!policy) return [{ rule: 'CSP', item: 7, where, text: 'no Content-Security-Policy' }];
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
  );
  const issues: CspIssue[] = [];
  const flag = (text: string) => issues.push({ rule: 'CSP', item: 7, where, text });
  const script = directives.get('script-src') ?? directives.get('default-src');
  if (!script) flag('no script-src or default-src');
  for (const source of script ?? []) if (source !== "'self'" && source !== "'none'") flag(`script-src allows ${source}`);
  if (directives.get('object-src')?.join(' ') !== "'none'") flag("object-src is not 'none'");
  if (directives.get('base-uri')?.join(' ') !== "'none'") flag("base-uri is not 'none'");
  for (const [name, sources] of directives) {
    for (const source of sources)
      if (source === '*' || (/^[a-z][a-z0-9+.-]*:$/i.test(source) && source !== 'data:')) flag(`${name} allows any host of ${source}`);
  }
  return issues;
}

export function sourceFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, base);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(base, path)] : [];
  });
}

export function scanProject(srcDir: string): Finding[] {
  const findings = sourceFiles(srcDir).flatMap((file) => scanSource(file, readFileSync(join(srcDir, file), 'utf8')));
  const main = sourceFiles(join(srcDir, 'main'))
    .map((file) => readFileSync(join(srcDir, 'main', file), 'utf8'))
    .join('\n');
  // 5: permission requests and checks are answered (Silo denies them all).
  if (!main.includes('setPermissionRequestHandler(') || !main.includes('setPermissionCheckHandler(')) {
    findings.push({ rule: 'PERMISSIONS', item: 5, file: 'main', line: 0, text: 'no permission request or check handler' });
  }
  // 12: webviews are refused before they attach, in every web contents.
  if (!main.includes("'will-attach-webview'")) findings.push({ rule: 'WEBVIEW', item: 12, file: 'main', line: 0, text: 'no will-attach-webview handler' });
  return findings;
}
