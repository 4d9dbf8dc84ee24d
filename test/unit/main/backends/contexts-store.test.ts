// Remote engines stored as docker contexts, laid out as the docker CLI lays them out and read
// back by Silo's own discovery; names and hosts validated; only Silo's contexts removed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addRemoteEngine, listEngineContexts, removeSiloContext, validateRemoteEngine } from '../../../../src/main/backends/contexts-store';
import { nodeFileOps } from '../../../../src/main/backends/file-ops';
import { discoverEngines } from '../../../../src/main/engine/connection/discover';
import { nodeHostFs } from '../../../../src/main/engine/connection/host-fs';
import { makeCerts, type TestCerts } from '../../../integration/backends/certs';

let home: string;
let configDir: string;
let certs: TestCerts;

beforeAll(() => {
  certs = makeCerts();
});
afterAll(() => certs.cleanup());
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'silo-ctx-'));
  configDir = join(home, '.docker');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const sha = (name: string) => createHash('sha256').update(name).digest('hex');
const options = () => ({ configDir, now: () => new Date('2026-05-01T10:20:30.123Z') });
const tls = () => ({ ca: certs.ca, cert: certs.clientCert, key: certs.clientKey });
const mode = (path: string) => statSync(path).mode & 0o777;

describe('addRemoteEngine', () => {
  it('writes meta.json and the TLS files where the docker CLI keeps them, keys readable by the owner only', async () => {
    const result = await addRemoteEngine({ name: 'build-box', description: 'the build machine', host: 'tcp://10.0.0.5:2376', tls: tls() }, options());
    expect(result).toEqual({
      status: 'done',
      backupPath: null,
      context: { name: 'build-box', description: 'the build machine', host: 'tcp://10.0.0.5:2376', tls: true, createdBySilo: true, current: false },
    });
    const meta = join(configDir, 'contexts', 'meta', sha('build-box'), 'meta.json');
    expect(JSON.parse(readFileSync(meta, 'utf8'))).toEqual({
      Name: 'build-box',
      Metadata: { Description: 'the build machine', CreatedBy: 'Silo' },
      Endpoints: { docker: { Host: 'tcp://10.0.0.5:2376', SkipTLSVerify: false } },
    });
    const tlsDir = join(configDir, 'contexts', 'tls', sha('build-box'), 'docker');
    expect(readdirSync(tlsDir).sort()).toEqual(['ca.pem', 'cert.pem', 'key.pem']);
    expect(readFileSync(join(tlsDir, 'key.pem'), 'utf8')).toBe(certs.clientKey);
    expect(mode(join(tlsDir, 'key.pem'))).toBe(0o600);
    expect(mode(join(configDir, 'contexts', 'tls', sha('build-box')))).toBe(0o700);
    // Nothing staged is left behind.
    expect(readdirSync(join(configDir, 'contexts')).sort()).toEqual(['meta', 'tls']);
  });

  it('stores no ssh engine whose user or host begins with "-"; one written by another tool is never offered', async () => {
    const result = await addRemoteEngine({ name: 'evil', host: 'ssh://-oProxyCommand=touch%20%2Ftmp%2Fpwned@lab' }, options());
    expect(result).toEqual({
      status: 'refused',
      error: { code: 'context-ssh-user-option', params: { host: 'ssh://-oProxyCommand=touch%20%2Ftmp%2Fpwned@lab' } },
    });
    expect(existsSync(configDir)).toBe(false);
    // The same context laid out by hand, as another tool could.
    const metaDir = join(configDir, 'contexts', 'meta', sha('evil'));
    mkdirSync(metaDir, { recursive: true });
    writeFileSync(join(metaDir, 'meta.json'), JSON.stringify({ Name: 'evil', Metadata: {}, Endpoints: { docker: { Host: 'ssh://me@-oProxyCommand=x' } } }));
    const found = discoverEngines({ env: {}, homeDir: home, platform: 'linux', fs: nodeHostFs });
    expect(found.endpoints.map((e) => e.endpoint.host)).not.toContain('ssh://me@-oProxyCommand=x');
    expect(found.problems.join('\n')).toMatch(/evil: .*begins with "-"/);
  });

  it('is read back by Silo’s own discovery, TLS files included', async () => {
    await addRemoteEngine({ name: 'build-box', host: 'tcp://10.0.0.5:2376', tls: tls() }, options());
    const found = discoverEngines({
      env: {},
      homeDir: home,
      platform: 'linux',
      fs: { ...nodeHostFs, exists: (p) => p !== '/var/run/docker.sock' && existsSync(p) },
    });
    const endpoint = found.endpoints.find((e) => e.endpoint.name === 'build-box');
    expect(endpoint?.endpoint).toMatchObject({ id: 'tcp://10.0.0.5:2376', source: 'context', tls: true });
    expect(endpoint?.tls).toEqual({
      caPath: join(configDir, 'contexts', 'tls', sha('build-box'), 'docker', 'ca.pem'),
      certPath: join(configDir, 'contexts', 'tls', sha('build-box'), 'docker', 'cert.pem'),
      keyPath: join(configDir, 'contexts', 'tls', sha('build-box'), 'docker', 'key.pem'),
      verify: true,
    });
  });

  it('stores an ssh engine without TLS files', async () => {
    const result = await addRemoteEngine({ name: 'lab', host: 'ssh://ana@lab.example:2222' }, options());
    expect(result).toMatchObject({ status: 'done', context: { host: 'ssh://ana@lab.example:2222', tls: false } });
    expect(existsSync(join(configDir, 'contexts', 'tls'))).toBe(false);
  });

  it('refuses a name that exists, and leaves that context alone', async () => {
    await addRemoteEngine({ name: 'lab', host: 'ssh://ana@lab.example' }, options());
    expect(await addRemoteEngine({ name: 'lab', host: 'ssh://bo@other.example' }, options())).toEqual({
      status: 'refused',
      error: { code: 'context-exists', params: { name: 'lab' } },
    });
    expect((await listEngineContexts(options()))[0]?.host).toBe('ssh://ana@lab.example');
  });

  it('writes nothing when the last step fails', async () => {
    const fs = {
      ...nodeFileOps,
      rename: async (from: string, to: string) => (to.includes('/meta/') ? Promise.reject(new Error('EIO')) : nodeFileOps.rename(from, to)),
    };
    const result = await addRemoteEngine({ name: 'build-box', host: 'tcp://10.0.0.5:2376', tls: tls() }, { ...options(), fs });
    expect(result).toMatchObject({ status: 'refused', error: { code: 'context-write-failed' } });
    expect(readdirSync(join(configDir, 'contexts', 'meta'))).toEqual([]);
    expect(readdirSync(join(configDir, 'contexts', 'tls'))).toEqual([]);
    expect(readdirSync(join(configDir, 'contexts')).filter((n) => n.startsWith('.silo'))).toEqual([]);
  });
});

describe('validateRemoteEngine', () => {
  it.each([
    ['default', 'context-name-invalid'],
    ['x', 'context-name-invalid'],
    ['-lab', 'context-name-invalid'],
    ['lab/one', 'context-name-invalid'],
    ['my engine', 'context-name-invalid'],
  ])('refuses the name %j as the docker CLI does', (name, code) => {
    expect(validateRemoteEngine({ name, host: 'ssh://lab' })?.code).toBe(code);
  });

  it.each([
    ['unix:///var/run/docker.sock', 'context-host-invalid'],
    ['tcp://', 'context-host-invalid'],
    ['http://10.0.0.5:2375', 'context-host-invalid'],
    ['10.0.0.5:2376', 'context-host-invalid'],
  ])('refuses the host %j for a remote engine', (host, code) => {
    expect(validateRemoteEngine({ name: 'lab', host, tls: tls() })?.code).toBe(code);
  });

  it.each([
    ['ssh://-oProxyCommand=touch%20%2Ftmp%2Fpwned@lab', 'context-ssh-user-option'],
    ['ssh://%2DoProxyCommand=x@lab', 'context-ssh-user-option'],
    ['ssh://-oProxyCommand=x', 'context-ssh-host-option'],
    ['ssh://me@-lab:22', 'context-ssh-host-option'],
    ['ssh://me@[-lab]', 'context-ssh-host-option'],
    ['SSH://me@%2dlab', 'context-ssh-host-option'],
  ])('refuses the ssh address %j, whose user or host ssh would read as an option', (host, code) => {
    expect(validateRemoteEngine({ name: 'lab', host })).toEqual({ code, params: { host } });
  });

  it('keeps a dash inside a user or host', () => {
    expect(validateRemoteEngine({ name: 'lab', host: 'ssh://build-bot@lab-1.example:2222' })).toBeNull();
  });

  it('refuses TCP without TLS, TLS over ssh, a certificate without its key, a key of another certificate and text that is not PEM', () => {
    expect(validateRemoteEngine({ name: 'lab', host: 'tcp://10.0.0.5:2375' })).toMatchObject({ code: 'context-tls-invalid', params: { reason: 'plain-tcp' } });
    expect(validateRemoteEngine({ name: 'lab', host: 'ssh://lab', tls: tls() })).toMatchObject({ params: { reason: 'ssh-has-no-tls' } });
    expect(validateRemoteEngine({ name: 'lab', host: 'tcp://h:2376', tls: { ca: certs.ca, cert: certs.clientCert } })).toMatchObject({
      params: { reason: 'cert-without-key' },
    });
    expect(validateRemoteEngine({ name: 'lab', host: 'tcp://h:2376', tls: { ca: certs.ca, cert: certs.clientCert, key: certs.serverKey } })).toMatchObject({
      params: { reason: 'key-does-not-match' },
    });
    expect(validateRemoteEngine({ name: 'lab', host: 'tcp://h:2376', tls: { ca: 'hello' } })).toMatchObject({ params: { reason: 'not-pem' } });
    expect(validateRemoteEngine({ name: 'lab', host: 'tcp://h:2376', tls: { cert: certs.clientCert, key: certs.clientKey } })).toMatchObject({
      params: { reason: 'no-ca' },
    });
    expect(validateRemoteEngine({ name: 'lab', host: 'tcp://h:2376', tls: tls() })).toBeNull();
  });
});

describe('removeSiloContext', () => {
  it('moves a context Silo created into a timestamped backup', async () => {
    await addRemoteEngine({ name: 'build-box', host: 'tcp://10.0.0.5:2376', tls: tls() }, options());
    const result = await removeSiloContext('build-box', options());
    const backup = join(configDir, 'silo-context-backups', 'build-box-2026-05-01T10-20-30-123Z');
    expect(result).toMatchObject({ status: 'done', backupPath: backup });
    expect(await listEngineContexts(options())).toEqual([]);
    expect(JSON.parse(readFileSync(join(backup, 'meta', 'meta.json'), 'utf8')).Name).toBe('build-box');
    expect(readFileSync(join(backup, 'tls', 'docker', 'key.pem'), 'utf8')).toBe(certs.clientKey);
  });

  it('refuses a context the person made with the docker CLI', async () => {
    const dir = join(configDir, 'contexts', 'meta', sha('mine'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({ Name: 'mine', Metadata: {}, Endpoints: { docker: { Host: 'ssh://me@box', SkipTLSVerify: false } } }),
    );
    expect(await removeSiloContext('mine', options())).toEqual({ status: 'refused', error: { code: 'context-not-created-by-silo', params: { name: 'mine' } } });
    expect(existsSync(join(dir, 'meta.json'))).toBe(true);
  });

  it('refuses the current context and an unknown one', async () => {
    await addRemoteEngine({ name: 'lab', host: 'ssh://ana@lab.example' }, options());
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: 'lab' }));
    expect(await removeSiloContext('lab', options())).toMatchObject({ status: 'refused', error: { code: 'context-in-use' } });
    expect(await removeSiloContext('nope', options())).toMatchObject({ status: 'refused', error: { code: 'context-not-found' } });
  });
});
