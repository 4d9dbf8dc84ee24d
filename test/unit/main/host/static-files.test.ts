import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from '../../../../src/main/host/static-files';

describe('static files', () => {
  const top = mkdtempSync(join(tmpdir(), 'silo-static-'));
  const root = join(top, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(top, 'secret.txt'), 'secret');
  symlinkSync(join(top, 'secret.txt'), join(root, 'link.txt'));

  it('serves files inside the folder, index.html for /', () => {
    expect(resolveStatic(root, '/')?.path).toBe(join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/app.js')?.type).toMatch(/javascript/);
  });

  it('lets no path escape, whatever its form', () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/link.txt',
      '/secret.txt%00.html',
      '/%E0%A4%A',
      '//etc/passwd',
      '/assets',
    ]) {
      expect(resolveStatic(root, path), path).toBeNull();
    }
  });
});
