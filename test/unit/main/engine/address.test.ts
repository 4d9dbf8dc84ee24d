import { describe, expect, it } from 'vitest';
import { localPresencePath, normalizeHost, parseEngineHost } from '../../../../src/main/engine/connection/address';

describe('engine addresses', () => {
  it('parses every form the docker CLI writes', () => {
    expect(parseEngineHost('unix:///var/run/docker.sock')).toEqual({ kind: 'unix', path: '/var/run/docker.sock' });
    expect(parseEngineHost('npipe:////./pipe/docker_engine')).toEqual({ kind: 'npipe', path: '//./pipe/docker_engine' });
    expect(parseEngineHost('tcp://10.0.0.5')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 2375, https: false });
    expect(parseEngineHost('tcp://10.0.0.5', true)).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 2376, https: true });
    expect(parseEngineHost('tcp://[::1]:2376', true)).toEqual({ kind: 'tcp', host: '::1', port: 2376, https: true });
    expect(parseEngineHost('https://engine.example:443')).toEqual({ kind: 'tcp', host: 'engine.example', port: 443, https: true });
    expect(parseEngineHost('ssh://me@build.example:2222')).toEqual({ kind: 'ssh', host: 'build.example', port: 2222, user: 'me' });
  });

  it('refuses what cannot be dialed, in words', () => {
    expect(() => parseEngineHost('fd://')).toThrow(/scheme/);
    expect(() => parseEngineHost('unix://relative.sock')).toThrow(/absolute/);
    expect(() => parseEngineHost('tcp://')).toThrow(/not a valid engine address/);
  });

  it('adds tcp:// to a bare host and port', () => {
    expect(normalizeHost(' localhost:2375 ')).toBe('tcp://localhost:2375');
    expect(normalizeHost('unix:///x.sock')).toBe('unix:///x.sock');
  });

  it('knows which file tells a local engine is there', () => {
    expect(localPresencePath(parseEngineHost('unix:///run/podman/podman.sock'))).toBe('/run/podman/podman.sock');
    expect(localPresencePath(parseEngineHost('npipe:////./pipe/dockerDesktopLinuxEngine'))).toBe('\\\\.\\pipe\\dockerDesktopLinuxEngine');
    expect(localPresencePath(parseEngineHost('tcp://h:2375'))).toBeNull();
  });
});
