// The whole-file validation of daemon.json, rule by rule, with the words dockerd would use.
import { describe, expect, it } from 'vitest';
import { validateDaemonJson } from '../../../../src/shared/backends';

const linux = (text: string, extra: { commandLineFlags?: string[]; commandLineRuntimes?: string[] } = {}) =>
  validateDaemonJson(text, { platform: 'linux', ...extra });
const windows = (text: string) => validateDaemonJson(text, { platform: 'windows' });
const codes = (report: ReturnType<typeof linux>) => report.problems.map((p) => `${p.severity}:${p.code}:${p.key ?? ''}`);

const GVISOR = '{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc", "runtimeArgs": ["--network=none"]}\n  },\n  "default-runtime": "runsc"\n}\n';

describe('validateDaemonJson', () => {
  it('accepts the test engine’s file with gVisor as the default, and lists the path to check on disk', () => {
    const report = linux(GVISOR);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.runtimePaths).toEqual([{ runtime: 'runsc', path: '/usr/bin/runsc', offset: GVISOR.indexOf('"/usr/bin/runsc"'), line: 3, column: 23 }]);
    expect(report.config).toEqual({ runtimes: { runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] } }, 'default-runtime': 'runsc' });
  });

  it('accepts an empty file as the empty configuration', () => {
    expect(linux('')).toMatchObject({ ok: true, config: {} });
  });

  it('refuses a syntax error with its line and column', () => {
    const report = linux('{\n  "debug": true\n  "labels": []\n}');
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'syntax', severity: 'error', line: 3, column: 3, message: expect.stringContaining('line 3, column 3') }),
    ]);
    expect(report.config).toBeNull();
  });

  it('refuses a file that is not an object', () => {
    expect(codes(linux('["debug"]'))).toEqual(['error:not-an-object:']);
  });

  it('refuses an unknown key and names it', () => {
    const report = linux('{\n  "debug": true,\n  "default-runtme": "runsc"\n}');
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'unknown-key', key: 'default-runtme', line: 3, column: 3, params: { key: 'default-runtme' } }),
    ]);
    expect(report.problems[0]?.message).toContain('"default-runtme"');
  });

  it('refuses a Linux-only key on a Windows engine', () => {
    expect(codes(windows('{"runtimes": {}}'))).toEqual(['error:other-platform-key:runtimes']);
  });

  it('checks the types of the keys Silo edits and the common ones', () => {
    const report = linux(
      '{"debug": "yes", "mtu": 1500.5, "labels": ["a", 1], "log-opts": {"max-size": 10}, "default-runtime": 3, "runtimes": [], "live-restore": true}',
    );
    expect(codes(report)).toEqual([
      'error:wrong-type:debug',
      'error:wrong-type:mtu',
      'error:wrong-type:labels',
      'error:wrong-type:log-opts',
      'error:wrong-type:default-runtime',
      'error:wrong-type:runtimes',
    ]);
  });

  it('refuses a log level dockerd does not know', () => {
    expect(codes(linux('{"log-level": "verbose"}'))).toEqual(['error:bad-value:log-level']);
  });

  it('refuses a key that appears twice', () => {
    expect(codes(linux('{"debug": true, "debug": false}'))).toEqual(['error:duplicate-key:debug']);
  });

  it('refuses a key also set as a flag on the engine’s command line, but not runtimes', () => {
    const report = linux('{"iptables": true, "hosts": [], "runtimes": {}}', { commandLineFlags: ['iptables', 'H', 'add-runtime'] });
    expect(codes(report)).toEqual(['error:flag-conflict:iptables', 'error:flag-conflict:hosts']);
  });

  describe('runtimes', () => {
    it('needs a path or a runtimeType, not both, and not neither', () => {
      const report = linux('{"runtimes": {"a": {}, "b": {"path": "/x", "runtimeType": "io.containerd.b.v1"}, "c": "runsc"}}');
      expect(codes(report)).toEqual([
        'error:runtime-invalid:runtimes.a',
        'error:runtime-invalid:runtimes.b',
        'warning:runtime-invalid:runtimes.b.runtimeType',
        'error:runtime-invalid:runtimes.c',
      ]);
    });

    it('needs runtimeArgs to be a list of strings that goes with a path', () => {
      expect(codes(linux('{"runtimes": {"a": {"path": "/x", "runtimeArgs": "--debug"}}}'))).toEqual(['error:runtime-invalid:runtimes.a.runtimeArgs']);
      expect(codes(linux('{"runtimes": {"a": {"path": "/x", "runtimeArgs": ["--debug", 2]}}}'))).toEqual(['error:runtime-invalid:runtimes.a.runtimeArgs']);
    });

    it('accepts a containerd runtimeType with a warning about the engine version', () => {
      const report = linux('{"runtimes": {"kata": {"runtimeType": "io.containerd.kata.v2"}}, "default-runtime": "kata"}');
      expect(report.ok).toBe(true);
      expect(codes(report)).toEqual(['warning:runtime-invalid:runtimes.kata.runtimeType']);
      expect(report.runtimePaths).toEqual([]);
    });

    it('refuses a runtime named like a built-in one', () => {
      expect(codes(linux('{"runtimes": {"runc": {"path": "/usr/bin/runc"}}}'))).toEqual(['error:runtime-reserved:runtimes.runc']);
    });

    it('warns about a field dockerd ignores', () => {
      expect(codes(linux('{"runtimes": {"a": {"path": "/x", "args": []}}}'))).toEqual(['warning:runtime-invalid:runtimes.a.args']);
    });
  });

  describe('default-runtime', () => {
    it('must name a registered runtime or a built-in one', () => {
      expect(linux('{"default-runtime": "runc"}').ok).toBe(true);
      expect(linux('{"default-runtime": "io.containerd.runc.v2"}').ok).toBe(true);
      const report = linux('{"default-runtime": "runsc"}');
      expect(codes(report)).toEqual(['error:default-runtime-unknown:default-runtime']);
      expect(report.problems[0]?.params).toMatchObject({ runtime: 'runsc' });
    });

    it('counts runtimes registered with --add-runtime on the command line', () => {
      expect(linux('{"default-runtime": "runsc"}', { commandLineRuntimes: ['runsc'] }).ok).toBe(true);
    });
  });

  describe('Windows exec-opts', () => {
    it('accepts isolation=process, hyperv and default in any case', () => {
      for (const value of ['process', 'hyperv', 'HyperV', 'default']) expect(windows(`{"exec-opts": ["isolation=${value}"]}`).ok).toBe(true);
    });

    it('refuses another isolation value with dockerd’s own words', () => {
      const report = windows('{\n  "exec-opts": ["isolation=hyper-v"]\n}');
      expect(report.problems).toEqual([
        expect.objectContaining({ code: 'isolation-invalid', line: 2, column: 17, params: { key: 'exec-opts', value: 'hyper-v' } }),
      ]);
      expect(report.problems[0]?.message).toContain("invalid exec-opt value for 'isolation':'hyper-v'");
    });

    it('refuses any other exec-opt and one without "="', () => {
      expect(codes(windows('{"exec-opts": ["native.cgroupdriver=systemd", "isolation"]}'))).toEqual([
        'error:exec-opt-unknown:exec-opts',
        'error:bad-value:exec-opts',
      ]);
    });

    it('on Linux checks the cgroup driver and only warns about isolation', () => {
      expect(codes(linux('{"exec-opts": ["native.cgroupdriver=upstart", "isolation=hyperv"]}'))).toEqual([
        'error:bad-value:exec-opts',
        'warning:bad-value:exec-opts',
      ]);
    });
  });
});

describe('keys named like JavaScript object internals', () => {
  it('are unknown keys like any other, __proto__ a reserved key, and plain keys in the value', () => {
    const report = validateDaemonJson('{"constructor": 1, "__proto__": {"debug": true}, "toString": "x"}', { platform: 'linux' });
    expect(report.problems.map((p) => `${p.code}:${p.key}`)).toEqual(['reserved-key:__proto__', 'unknown-key:constructor', 'unknown-key:toString']);
    expect(Object.keys(report.config ?? {})).toEqual(['constructor', '__proto__', 'toString']);
    expect(Object.getPrototypeOf(report.config)).toBe(Object.prototype);
  });
});
