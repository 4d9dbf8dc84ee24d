// The engine's refusals about images, volumes, networks and pulls, as codes (its own words,
// Docker 20.10 and newer moby).
import { describe, expect, it } from 'vitest';
import { mapDashboardError, mapPullError } from '../../../../src/main/dashboard/errors';

const engineSays = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), { statusCode, json: { message } });

describe('mapDashboardError', () => {
  it.each([
    [
      409,
      'conflict: unable to delete 3b2f9a1c (cannot be forced) - image is being used by running container 8c1d2e3f4a5b',
      'image-in-use',
      { container: '8c1d2e3f4a5b' },
    ],
    [409, 'conflict: unable to delete 3b2f9a1c (must be forced) - image is referenced in multiple repositories', 'image-multiple-tags', {}],
    [404, 'No such image: nope:latest', 'image-not-found', { image: 'nope:latest' }],
    [400, 'invalid reference format', 'invalid-reference', {}],
    [409, 'remove data: volume is in use - [8c1d2e3f4a5b]', 'volume-in-use', {}],
    [404, 'get data: no such volume', 'volume-not-found', {}],
    [403, 'none is a pre-defined network and cannot be removed', 'network-predefined', {}],
    // Podman 4.3, removing its default network (its compatible API names it `bridge` too)
    [500, 'default network podman cannot be removed', 'network-predefined', {}],
    [403, 'error while removing network: network front id 1a2b has active endpoints', 'network-in-use', {}],
    [409, 'network with name front already exists', 'network-name-conflict', { name: 'front' }],
    [403, 'endpoint with name web already exists in network back', 'already-connected', {}],
    [500, 'container 8c1d2e3f4a5b is not connected to network back', 'not-connected', {}],
    [500, 'container cannot be connected to multiple networks with one of the networks in private (none) mode', 'network-not-allowed', {}],
    [404, 'network nope not found', 'network-not-found', {}],
    [500, 'Error processing tar file(exit status 1): archive/tar: invalid tar header', 'invalid-archive', {}],
    [404, 'No such container: 8c1d', 'container-not-found', {}],
    [409, 'Container 8c1d is not running', 'container-not-running', {}],
  ])('%i %s → %s', (status, message, code, params) => {
    const mapped = mapDashboardError(engineSays(status, message));
    expect(mapped.code).toBe(code);
    expect(mapped.detail).toBe(message);
    expect(mapped.params ?? {}).toMatchObject(params);
  });

  it('says a socket that cannot be reached is the engine, not the resource', () => {
    expect(mapDashboardError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe('engine-unreachable');
  });
});

describe('mapPullError', () => {
  it.each([
    ['Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused', 'registry-unreachable'],
    ['Get "https://registry.example/v2/": net/http: TLS handshake timeout', 'registry-unreachable'],
    ['Get "https://nope.invalid/v2/": dial tcp: lookup nope.invalid: no such host', 'registry-unreachable'],
    [
      "pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'pull-access-denied',
    ],
    ['manifest for alpine:nope not found: manifest unknown: manifest unknown', 'manifest-not-found'],
    ['invalid reference format: repository name must be lowercase', 'invalid-reference'],
    ['something new', 'engine-error'],
  ])('%s → %s', (message, code) => {
    expect(mapPullError(message, 'x:1')).toMatchObject({ code, params: { reference: 'x:1' }, detail: message });
  });
});
