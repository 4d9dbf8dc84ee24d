// Bind sources followed the way the engine follows them: a real symlink, in a temp folder, to a real
// unix socket (a net server listening there) is the socket; a folder Silo may not read, a remote
// engine or a loop is unknown, never safe.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPathOf, resolveBindSources, seesEngineHost } from '../../../../src/main/engine/bind-sources';
import { choicesFromSpec, hostPathsOf, rootFindings } from '../../../../src/shared/isolation/root-access';

let dir: string;
let socket: string;
let server: Server;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'silo-binds-')));
  socket = join(dir, 'engine', 'docker.sock');
  mkdirSync(join(dir, 'engine'));
  server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  symlinkSync(socket, join(dir, 'innocent'));
  symlinkSync('engine', join(dir, 'folder-link'));
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const engineHost = () => `unix://${socket}`;
const codesOf = (volumes: string[], host = engineHost()) =>
  rootFindings(resolveBindSources(choicesFromSpec({ volumes }, 'linux'), host), hostPathsOf({ dataRoot: join(dir, 'data') }, host)).map((f) => [
    f.code,
    f.path,
  ]);

describe('bind sources followed to where the engine mounts them from', () => {
  it('a symlink under another name to the engine’s real socket is the socket', () => {
    expect(realPathOf(join(dir, 'innocent'))).toBe(socket);
    expect(codesOf([`${dir}/innocent:/s`])).toEqual([['engine-socket', socket]]);
  });

  it('a symlink to the socket’s folder, and a path through it', () => {
    expect(codesOf([`${dir}/folder-link:/s`])).toEqual([['engine-socket', join(dir, 'engine')]]);
    expect(codesOf([`${dir}/folder-link/docker.sock:/s`])).toEqual([['engine-socket', socket]]);
  });

  it('a missing path is read from its nearest folder, which the engine creates below', () => {
    expect(realPathOf(join(dir, 'folder-link', 'new', 'deeper'))).toBe(join(dir, 'engine', 'new', 'deeper'));
    expect(codesOf([`${dir}/nothing-here/yet:/s`])).toEqual([]);
  });

  it('a loop, or a folder Silo may not read, is unknown', () => {
    expect(realPathOf(join(dir, 'loop-a'))).toBeNull();
    expect(codesOf([`${dir}/loop-a:/s`])).toEqual([['unknown-source', null]]);
    const fake = (path: string): string => {
      throw Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES' });
    };
    expect(realPathOf('/srv/private/x', fake)).toBeNull();
  });

  it('a remote engine: Silo sees none of its host, so every bind is unknown', () => {
    expect(seesEngineHost('ssh://me@far')).toBe(false);
    expect(seesEngineHost('tcp://10.0.0.2:2376')).toBe(false);
    expect(seesEngineHost('npipe:////./pipe/docker_engine')).toBe(false);
    expect(seesEngineHost(engineHost())).toBe(true);
    expect(codesOf([`${dir}/innocent:/s`, 'data:/data'], 'ssh://me@far')).toEqual([['unknown-source', null]]);
  });
});
