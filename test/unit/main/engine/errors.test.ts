// The engine's real words: Docker 20.10.24 (collected from the Debian engine) and newer moby.
import { describe, expect, it } from 'vitest';
import { SiloFailure, siloError } from '../../../../src/shared/errors';
import { engineMessage, isConnectionError, mapConnectionError, mapEngineError } from '../../../../src/main/engine/errors';

const ID = 'd7aea6b1f22ffbda3daeba8c3bf6d71402f03e8f5e0defce6ddb2d6cd9500c53';

/** An error shaped as docker-modem builds it. */
function engineError(statusCode: number, message: string): Error {
  const reason = statusCode === 404 ? 'no such container' : statusCode === 409 ? 'conflict' : 'server error';
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${message} `), { statusCode, reason, json: { message } });
}

function systemError(code: string, message = `connect ${code} /var/run/docker.sock`): Error {
  return Object.assign(new Error(message), { code, errno: -1, syscall: 'connect' });
}

describe('mapEngineError with the engine’s real messages', () => {
  const cases: Array<[string, number, string, string]> = [
    ['404 on any container call', 404, 'No such container: nope', 'container-not-found'],
    [
      'remove a running container (20.10)',
      409,
      `You cannot remove a running container ${ID}. Stop the container before attempting removal or force remove`,
      'must-stop-container',
    ],
    [
      'remove a running container (moby 23+)',
      409,
      'cannot remove container "/web": container is running: stop the container before removing or force remove',
      'must-stop-container',
    ],
    [
      'remove a restarting container (moby 23+)',
      409,
      'cannot remove container "/web": container is restarting: stop the container before removing or force remove',
      'must-stop-container',
    ],
    [
      'remove a paused container (20.10)',
      409,
      `You cannot remove a paused container ${ID}. Unpause and then stop the container before attempting removal or force remove`,
      'container-paused',
    ],
    ['remove a paused container (moby 23+)', 409, 'cannot remove container "/web": container is paused and must be unpaused first', 'container-paused'],
    ['pause a stopped container', 409, `Container ${ID} is not running`, 'container-not-running'],
    ['kill a stopped container', 409, `Cannot kill container: bb: Container ${ID} is not running`, 'container-not-running'],
    ['pause a paused container', 409, `Container ${ID} is already paused`, 'container-already-paused'],
    ['unpause a running container (500 on 20.10)', 500, `Container ${ID} is not paused`, 'container-not-paused'],
    ['start a paused container', 409, 'cannot start a paused container, try unpause instead', 'container-paused'],
    [
      'older engines on stop/kill of a paused container',
      409,
      `Container ${ID} is paused, unpause the container before stopping or killing`,
      'container-paused',
    ],
    ['a removal already running', 409, `removal of container ${ID} is already in progress`, 'removal-in-progress'],
    [
      'a name in use',
      409,
      `Conflict. The container name "/aa" is already in use by container "${ID}". You have to remove (or rename) that container to be able to reuse that name.`,
      'name-conflict',
    ],
    ['an unknown runtime', 400, 'Unknown runtime specified nope', 'unknown-runtime'],
    ['isolation on Linux (20.10)', 500, `Invalid isolation: "hyperv" - linux only supports 'default'`, 'invalid-isolation'],
    ['isolation on Linux (newer moby)', 400, `invalid isolation (hyperv): linux only supports 'default'`, 'invalid-isolation'],
    ['anything else', 500, 'error while creating mount source path: mkdir /x: read-only file system', 'engine-error'],
  ];

  for (const [what, status, message, code] of cases) {
    it(`${what} → ${code}`, () => {
      const mapped = mapEngineError(engineError(status, message), 'web');
      expect(mapped.code).toBe(code);
      expect(mapped.detail).toBe(message);
      expect(mapped.params?.name).toBe(code === 'name-conflict' ? 'aa' : 'web');
    });
  }

  it('carries the values a sentence needs', () => {
    expect(mapEngineError(engineError(400, 'Unknown runtime specified nope')).params).toEqual({ runtime: 'nope' });
    expect(mapEngineError(engineError(500, `Invalid isolation: "hyperv" - linux only supports 'default'`)).params).toEqual({ isolation: 'hyperv' });
    expect(mapEngineError(engineError(400, `invalid isolation (process): linux only supports 'default'`)).params).toEqual({ isolation: 'process' });
  });

  it('keeps the engine’s words when the body was not JSON', () => {
    const error = Object.assign(new Error('(HTTP code 502) unexpected - Bad Gateway '), { statusCode: 502, json: Buffer.from('Bad Gateway') });
    expect(engineMessage(error)).toBe('Bad Gateway');
    expect(mapEngineError(error)).toEqual(siloError('engine-error', { detail: 'Bad Gateway' }));
  });

  it('passes a SiloFailure through untouched', () => {
    const failure = new SiloFailure(siloError('engine-api-too-old', { params: { version: '1.12' } }));
    expect(mapEngineError(failure)).toBe(failure.error);
  });
});

describe('connection errors', () => {
  it('maps the system’s codes', () => {
    expect(mapConnectionError(systemError('ENOENT')).code).toBe('engine-not-found');
    expect(mapConnectionError(systemError('EACCES')).code).toBe('engine-permission-denied');
    expect(mapConnectionError(systemError('ECONNREFUSED')).code).toBe('engine-unreachable');
    expect(mapConnectionError(systemError('ECONNRESET')).code).toBe('engine-unreachable');
    expect(mapConnectionError(systemError('ETIMEDOUT')).code).toBe('engine-timeout');
    expect(mapConnectionError(Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' })).code).toBe('engine-timeout');
    expect(mapConnectionError(new DOMException('The operation was aborted due to timeout', 'TimeoutError')).code).toBe('engine-timeout');
  });

  it('keeps the system’s words in detail', () => {
    expect(mapConnectionError(systemError('EACCES', 'connect EACCES /var/run/docker.sock')).detail).toBe('connect EACCES /var/run/docker.sock');
  });

  it('tells a connection error from an answer of the engine', () => {
    expect(isConnectionError(systemError('ECONNREFUSED'))).toBe(true);
    expect(isConnectionError(new Error('socket hang up'))).toBe(true);
    expect(isConnectionError(engineError(409, 'Container x is not running'))).toBe(false);
    expect(mapEngineError(systemError('ENOENT')).code).toBe('engine-not-found');
  });
});
