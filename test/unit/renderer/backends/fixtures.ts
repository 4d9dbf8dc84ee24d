// Builders for the Engine settings view's tests: a read daemon.json, engine info, a fake call port.
import type { CallPort } from '../../../../src/renderer/stores/api-port';
import type { DaemonRead } from '../../../../src/shared/model/backends';
import type { EngineEndpoint, EngineInfo, EngineSnapshot, RuntimeInfo } from '../../../../src/shared/model/engine';

export const ENGINE = 'unix:///run/test/docker.sock';
export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);
export const FILE = '{\n  "runtimes": {\n    "runsc": { "path": "/usr/bin/runsc" }\n  }\n}\n';

export function editableRead(overrides: Partial<Extract<DaemonRead, { editable: true }>> = {}): Extract<DaemonRead, { editable: true }> {
  return {
    editable: true,
    engine: ENGINE,
    platform: 'linux',
    configFile: '/etc/docker/daemon.json',
    exists: true,
    text: FILE,
    sha256: SHA_A,
    problems: [],
    commandLineFlags: ['iptables', 'H'],
    commandLineRuntimes: [],
    reload: 'signal',
    ...overrides,
  };
}

export function runtime(name: string, rung: RuntimeInfo['rung'], isDefault = false): RuntimeInfo {
  return { name, path: null, runtimeType: null, args: [], rung, isDefault };
}

export function endpoint(overrides: Partial<EngineEndpoint> = {}): EngineEndpoint {
  return { id: ENGINE, name: 'local', host: ENGINE, source: 'default', flavor: 'linux', tls: false, active: true, ...overrides };
}

export function snapshotWith(info: Partial<EngineInfo> | null, active: EngineEndpoint = endpoint()): EngineSnapshot {
  return {
    endpoint: active,
    connection: { phase: 'connected', error: null, apiVersion: '1.41', attempt: 0, nextAttemptAt: null },
    info:
      info === null
        ? null
        : ({
            osType: 'linux',
            defaultRuntime: 'runc',
            defaultIsolation: null,
            runtimes: [runtime('runc', 'shared-kernel', true), runtime('runsc', 'user-space-kernel')],
            ...info,
          } as EngineInfo),
  };
}

export interface FakeApi extends CallPort {
  calls: Array<{ name: string; args: unknown }>;
}

/** Answers by call name; an answer that is an Error rejects. */
export function fakeApi(answers: Record<string, (args: never) => unknown>): FakeApi {
  const calls: FakeApi['calls'] = [];
  return {
    calls,
    call: (async (name: string, args: unknown) => {
      calls.push({ name, args });
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected call ${name}`);
      const value = await answer(args as never);
      if (value instanceof Error) throw value;
      return value;
    }) as CallPort['call'],
  };
}
