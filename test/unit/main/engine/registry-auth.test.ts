// Which registry a reference names, and where its credentials come from, as the docker CLI reads
// config.json (auths keyed with or without a scheme, an identity token, a helper that is missing).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsFor, DOCKER_HUB, registryOf } from '../../../../src/main/engine/registry-auth';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function config(content: object | string): string {
  const d = mkdtempSync(join(tmpdir(), 'silo-ra-'));
  dirs.push(d);
  writeFileSync(join(d, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content));
  return d;
}

describe('registryOf', () => {
  it.each([
    ['busybox', DOCKER_HUB],
    ['library/busybox:1', DOCKER_HUB],
    ['localhost/app', 'localhost'],
    ['127.0.0.1:5000/app:1', '127.0.0.1:5000'],
    ['ghcr.io/o/app@sha256:abc', 'ghcr.io'],
    ['user/app', DOCKER_HUB],
  ])('%s → %s', (reference, registry) => expect(registryOf(reference)).toBe(registry));
});

describe('credentialsFor', () => {
  const auth = Buffer.from('me:pa:ss').toString('base64');

  it('reads auths by host, with or without a scheme, the password holding colons', async () => {
    expect(await credentialsFor(config({ auths: { 'https://reg.example/v1/': { auth } } }), 'reg.example/app')).toEqual({
      username: 'me',
      password: 'pa:ss',
      serveraddress: 'reg.example',
    });
    expect(await credentialsFor(config({ auths: { [DOCKER_HUB]: { auth } } }), 'busybox')).toMatchObject({ username: 'me', serveraddress: DOCKER_HUB });
  });

  it('prefers an identity token, and gives nothing for another registry, an empty entry, or a broken file', async () => {
    expect(await credentialsFor(config({ auths: { 'reg.example': { identitytoken: 't0k' } } }), 'reg.example/app')).toEqual({
      identitytoken: 't0k',
      serveraddress: 'reg.example',
    });
    expect(await credentialsFor(config({ auths: { 'other.example': { auth } } }), 'reg.example/app')).toBeNull();
    expect(await credentialsFor(config({ auths: { 'reg.example': {} } }), 'reg.example/app')).toBeNull();
    expect(await credentialsFor(config('{ not json'), 'reg.example/app')).toBeNull();
  });

  it('a helper that is not installed, or a name that is not a helper name, gives nothing (anonymous pull)', async () => {
    expect(await credentialsFor(config({ credsStore: 'silo-nonexistent' }), 'reg.example/app')).toBeNull();
    expect(await credentialsFor(config({ credHelpers: { 'reg.example': '../../bin/sh' } }), 'reg.example/app')).toBeNull();
  });
});
