// Pulls from a real registry with basic auth (Distribution 2.8, htpasswd) use the docker CLI's
// credentials as `docker pull` does: config.json `auths`, then a credential helper through its
// protocol; without a login, or with a wrong one, the refusal says so in plain words.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestEngine, TEST_IMAGE } from '../../support/test-engine';
import { TestRegistry } from '../../support/registry';
import { startHarness } from '../dashboard/harness';

const engine = new TestEngine(inject('engineDir'));
const registry = new TestRegistry({ user: 'silo', password: 'right-horse-battery' });
const dir = mkdtempSync(join(tmpdir(), 'silo-ra-'));
let image: string;
const savedPath = process.env.PATH;

beforeAll(async () => {
  await registry.start();
  image = `${registry.address}/silo/busybox:${process.pid}`;
  // The docker CLI logs in and pushes with a config folder of its own.
  const pusher = join(dir, 'pusher');
  mkdirSync(pusher);
  await engine.docker(['tag', TEST_IMAGE, image]);
  const env = { DOCKER_CONFIG: pusher };
  const login = spawnSync('docker', ['login', '--username', 'silo', '--password-stdin', registry.address], {
    env: engine.env(env),
    input: 'right-horse-battery',
  });
  expect(login.status, login.stderr.toString()).toBe(0);
  const push = spawnSync('docker', ['push', image], { env: engine.env(env) });
  expect(push.status, push.stderr.toString()).toBe(0);
  await engine.docker(['rmi', image]);
});

afterAll(async () => {
  process.env.PATH = savedPath;
  await engine.docker(['rmi', image]).catch(() => undefined);
  await registry.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** A docker config folder holding `config`. */
function configDir(name: string, config: object): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'config.json'), JSON.stringify(config));
  return d;
}

async function pull(dockerConfig: string) {
  const silo = await startHarness(engine.dockerHost, { DOCKER_CONFIG: dockerConfig });
  try {
    const page = silo.page();
    const { streamId } = await page.call('images.pull', { reference: image });
    const end = await page.until('the end of the pull', () => page.end(streamId), 60_000);
    const present = await engine.docker(['image', 'inspect', image]).then(
      () => true,
      () => false,
    );
    return { ...end, present };
  } finally {
    await silo.close();
    await engine.docker(['rmi', image]).catch(() => undefined);
  }
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

describe('a registry with basic auth', () => {
  it('without a login, says the registry asks for one, and which', async () => {
    const end = await pull(configDir('none', {}));
    expect(end.error).toMatchObject({ code: 'registry-login-needed', params: { registry: registry.address, reference: image } });
    expect(end.present).toBe(false);
  });

  it('pulls with the login config.json keeps for it (as `docker login` writes it)', async () => {
    const end = await pull(configDir('auths', { auths: { [registry.address]: { auth: basic('silo', 'right-horse-battery') } } }));
    expect(end.error).toBeNull();
    expect(end.present).toBe(true);
  });

  it('says a wrong password is refused, in plain words', async () => {
    const end = await pull(configDir('wrong', { auths: { [`http://${registry.address}`]: { auth: basic('silo', 'wrong') } } }));
    expect(end.error).toMatchObject({ code: 'registry-login-refused', params: { registry: registry.address } });
  });

  it('asks the credential helper config.json names for the registry (docker-credential-<name> get)', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const helper = join(bin, 'docker-credential-silotest');
    // The helper protocol: the server on stdin, {ServerURL, Username, Secret} on stdout.
    writeFileSync(helper, `#!/bin/sh\nread server\necho "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"silo\\",\\"Secret\\":\\"right-horse-battery\\"}"\n`);
    chmodSync(helper, 0o755);
    process.env.PATH = `${bin}:${savedPath}`;
    const end = await pull(configDir('helper', { auths: { [registry.address]: {} }, credHelpers: { [registry.address]: 'silotest' } }));
    expect(end.error).toBeNull();
    expect(end.present).toBe(true);
  });
});

describe('login and logout, where the docker CLI keeps them', () => {
  it('refuses a wrong password plainly and stores nothing; logs in, `docker pull` then works; logs out, it no longer does', async () => {
    const cli = configDir('silo-login', { currentContext: 'default', experimental: 'enabled' });
    const silo = await startHarness(engine.dockerHost, { DOCKER_CONFIG: cli });
    const cliPull = () => spawnSync('docker', ['pull', image], { env: engine.env({ DOCKER_CONFIG: cli }) });
    try {
      const page = silo.page();
      const wrong = await page.failure('registries.login', { registry: registry.address, username: 'silo', password: 'wrong' });
      expect(wrong).toMatchObject({ code: 'registry-login-refused', params: { registry: registry.address } });
      expect(await page.call('registries.list', {})).toEqual([]);

      expect(await page.call('registries.login', { registry: registry.address, username: 'silo', password: 'right-horse-battery' })).toEqual({
        registry: registry.address,
        username: 'silo',
        helper: null,
      });
      const written = JSON.parse(readFileSync(join(cli, 'config.json'), 'utf8'));
      // The rest of the file is kept; the file is the owner's alone.
      expect(written).toMatchObject({
        currentContext: 'default',
        experimental: 'enabled',
        auths: { [registry.address]: { auth: basic('silo', 'right-horse-battery') } },
      });
      expect(statSync(join(cli, 'config.json')).mode & 0o777).toBe(0o600);
      expect(await page.call('registries.list', {})).toEqual([{ registry: registry.address, username: 'silo', helper: null }]);
      expect(cliPull().status).toBe(0);
      await engine.docker(['rmi', image]);

      expect(await page.call('registries.logout', { registry: registry.address })).toBeNull();
      expect(await page.call('registries.list', {})).toEqual([]);
      const pulled = cliPull();
      expect(pulled.status).not.toBe(0);
      expect(pulled.stderr.toString()).toMatch(/no basic auth credentials/);
    } finally {
      await silo.close();
    }
  });

  it('refuses a registry that is not a host[:port] before anything is asked', async () => {
    const silo = await startHarness(engine.dockerHost, { DOCKER_CONFIG: configDir('bad', {}) });
    try {
      const error = await silo.page().failure('registries.login', { registry: 'http://evil/../x', username: 'a', password: 'b' });
      expect(error.code).toBe('validation');
    } finally {
      await silo.close();
    }
  });
});
