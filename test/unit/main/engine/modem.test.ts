// The modem without what a local engine does not use (src/main/engine/connection/modem.ts): in a
// fresh node process, bundled by esbuild as the hosts are, making a modem for a unix socket loads
// neither ssh2 nor dockerode's BuildKit session (@grpc/grpc-js, protobufjs); an `ssh://` engine's
// first request loads the real SSH transport, which then tries to connect (and is refused here).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..', '..');
let dir = '';
let bundle = '';

beforeAll(async () => {
  mkdirSync(join(root, 'dist'), { recursive: true });
  dir = mkdtempSync(join(root, 'dist', '.test-modem-'));
  bundle = join(dir, 'modem.mjs');
  await build({
    entryPoints: [join(root, 'src/main/engine/connection/modem.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A port on 127.0.0.1 that nobody listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function runNode(script: string): Record<string, unknown> {
  // --no-deprecation: docker-modem's SSH transport builds an ssh: URL Node warns about.
  const result = spawnSync(process.execPath, ['--no-deprecation', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout.trim()) as Record<string, unknown>;
}

const prelude = (): string => `
import { createRequire } from 'node:module';
const { loadModem, sshLoaded } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const cache = () => Object.keys(createRequire(import.meta.url).cache);
const has = (part) => cache().some((p) => p.includes(part));
`;

describe('loadModem', () => {
  it('makes a modem for a unix socket without loading ssh2 or the BuildKit session', () => {
    const out = runNode(`${prelude()}
const Modem = loadModem();
const modem = new Modem({ socketPath: '/nonexistent.sock' });
console.log(JSON.stringify({ dial: typeof modem.dial, same: loadModem() === Modem, ssh2: sshLoaded() || has('/ssh2/'), grpc: has('/@grpc/'), protobuf: has('/protobufjs/'), modem: has('/docker-modem/') }));
`);
    expect(out).toEqual({ dial: 'function', same: true, ssh2: false, grpc: false, protobuf: false, modem: true });
  });

  it("loads the SSH transport for an ssh:// engine's first request, which then really connects", async () => {
    const port = await closedPort();
    const out = runNode(`${prelude()}
const Modem = loadModem();
const modem = new Modem({ protocol: 'ssh', host: '127.0.0.1', port: ${port}, username: 'nobody', sshOptions: { readyTimeout: 5000 } });
const before = sshLoaded();
const error = await new Promise((done) => modem.dial({ path: '/_ping', method: 'GET', options: {}, statusCodes: { 200: true } }, (e) => done(e)));
console.log(JSON.stringify({ before, after: sshLoaded(), code: error && error.code }));
`);
    expect(out).toEqual({ before: false, after: true, code: 'ECONNREFUSED' });
  });
});
