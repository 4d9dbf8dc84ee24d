// Electronegativity (Doyensec's static scan of Electron apps, 1.10.3, no longer maintained) over
// src/, offline: its network look-ups are stubbed (scan/offline.cjs) and its release-list check,
// which only fetches Electron's releases, is left out. Every finding must be explained in
// SECURITY.md and listed here; a new finding fails, and so does an explained one that is gone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
const security = readFileSync(join(root, 'SECURITY.md'), 'utf8');

/** rule → file: each explained under "Electronegativity's findings" in SECURITY.md. */
const EXPLAINED = [
  'AUXCLICK_JS_CHECK main/electron/window.ts',
  'CONTEXT_ISOLATION_JS_CHECK main/electron/window.ts',
  'CSP_GLOBAL_CHECK renderer/index.html',
  'OPEN_EXTERNAL_JS_CHECK main/electron/window.ts',
  'SANDBOX_JS_CHECK main/electron/window.ts',
];

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
}

function scan(input: string): string[] {
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version as string;
  const out = join(mkdtempSync(join(tmpdir(), 'silo-electronegativity-')), 'scan.sarif');
  const run = spawnSync(
    process.execPath,
    ['-r', join(__dirname, 'scan', 'offline.cjs'), cli, '-i', input, '-r', '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as Sarif;
  const findings = sarif.runs.flatMap((r) => r.results.map((f) => `${f.ruleId} ${f.locations[0]?.physicalLocation.artifactLocation.uri ?? 'N/A'}`));
  return [...new Set(findings)].sort();
}

describe('Electronegativity', () => {
  it('finds only what SECURITY.md explains', { timeout: 120_000 }, () => {
    expect(scan(join(root, 'src'))).toEqual(EXPLAINED);
    for (const finding of EXPLAINED) expect(security, finding).toContain(finding.split(' ')[0]);
  });

  it('runs its checks for real: a bad window is found', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'silo-bad-app-'));
    writeFileSync(
      join(dir, 'main.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const findings = scan(dir);
    expect(findings).toContain('NODE_INTEGRATION_JS_CHECK main.ts');
    expect(findings).toContain('CONTEXT_ISOLATION_JS_CHECK main.ts');
  });
});
