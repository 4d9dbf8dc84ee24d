// Edits keep every other key, the key order, the indentation and the line endings.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addRuntime, diffDaemonJson, removeRuntime, setDefaultRuntime, setWindowsIsolation, validateDaemonJson } from '../../../../src/shared/backends';
import { JsonEditError, removeMember, setMember } from '../../../../src/shared/backends/json-edit';
import type { JsonValue } from '../../../../src/shared/backends/json-source';

// A file a person wrote: tabs, keys in their own order, an inline list, a key Silo knows nothing about.
const HAND_WRITTEN = [
  '{',
  '\t"log-driver": "json-file",',
  '\t"log-opts": {"max-size": "10m", "max-file": "3"},',
  '\t"runtimes": {',
  '\t\t"runsc": {',
  '\t\t\t"path": "/usr/bin/runsc",',
  '\t\t\t"runtimeArgs": ["--network=none"]',
  '\t\t}',
  '\t},',
  '\t"features": {"buildkit": true}',
  '}',
  '',
].join('\n');

describe('setDefaultRuntime', () => {
  it('appends the key in the file’s indentation and touches nothing else', () => {
    const out = setDefaultRuntime(HAND_WRITTEN, 'runsc');
    expect(out).toBe(HAND_WRITTEN.replace('\t"features": {"buildkit": true}\n', '\t"features": {"buildkit": true},\n\t"default-runtime": "runsc"\n'));
    expect(validateDaemonJson(out, { platform: 'linux' }).ok).toBe(true);
  });

  it('rewrites only the value when the key is there, keeping its place', () => {
    const withDefault = '{\n    "default-runtime": "runsc",\n    "debug": true\n}';
    expect(setDefaultRuntime(withDefault, 'runc')).toBe('{\n    "default-runtime": "runc",\n    "debug": true\n}');
  });

  it('keeps Windows line endings and a byte-order mark', () => {
    const text = '\ufeff{\r\n  "debug": true\r\n}\r\n';
    expect(setDefaultRuntime(text, 'runc')).toBe('\ufeff{\r\n  "debug": true,\r\n  "default-runtime": "runc"\r\n}\r\n');
  });

  it('writes a whole file from an empty one, and keeps a one-line file on one line', () => {
    expect(setDefaultRuntime('', 'runc')).toBe('{\n  "default-runtime": "runc"\n}\n');
    expect(setDefaultRuntime('{}', 'runc')).toBe('{\n  "default-runtime": "runc"\n}');
    expect(setDefaultRuntime('{"debug":true}', 'runc')).toBe('{"debug":true,"default-runtime":"runc"}');
    expect(setDefaultRuntime('{"debug": true, "labels": []}', 'runc')).toBe('{"debug": true, "labels": [], "default-runtime": "runc"}');
  });

  it('refuses to edit a file that is not valid JSON', () => {
    expect(() => setDefaultRuntime('{"debug": true,}', 'runc')).toThrow(JsonEditError);
    expect(() => setDefaultRuntime('[]', 'runc')).toThrow(/not hold a JSON object/);
  });
});

describe('addRuntime and removeRuntime', () => {
  it('adds a runtime after the others in the nested indentation', () => {
    const out = addRuntime(HAND_WRITTEN, 'kata', { path: '/usr/bin/kata-runtime', runtimeArgs: ['--debug'] });
    expect(out).toContain('\t\t},\n\t\t"kata": {\n\t\t\t"path": "/usr/bin/kata-runtime",\n\t\t\t"runtimeArgs": ["--debug"]\n\t\t}\n\t},');
    expect(diffDaemonJson(HAND_WRITTEN, out)).toEqual([
      { path: ['runtimes', 'kata'], kind: 'added', after: { path: '/usr/bin/kata-runtime', runtimeArgs: ['--debug'] } },
    ]);
  });

  it('creates runtimes when the file has none, and registers a containerd runtime type', () => {
    const out = addRuntime('{\n  "debug": true\n}\n', 'kata', { runtimeType: 'io.containerd.kata.v2' });
    expect(out).toBe('{\n  "debug": true,\n  "runtimes": {\n    "kata": {\n      "runtimeType": "io.containerd.kata.v2"\n    }\n  }\n}\n');
  });

  it('removes a runtime and gives back the exact text it had before', () => {
    const added = addRuntime(HAND_WRITTEN, 'kata', { path: '/usr/bin/kata-runtime' });
    expect(removeRuntime(added, 'kata')).toBe(HAND_WRITTEN);
  });

  it('removes the first of several members with its comma', () => {
    const added = addRuntime(HAND_WRITTEN, 'kata', { path: '/usr/bin/kata-runtime' });
    const out = removeRuntime(added, 'runsc');
    expect(out).toContain('\t"runtimes": {\n\t\t"kata": {');
    expect(validateDaemonJson(out, { platform: 'linux' }).ok).toBe(true);
  });

  it('leaves the file as it is when the runtime is not there', () => {
    expect(removeRuntime(HAND_WRITTEN, 'kata')).toBe(HAND_WRITTEN);
  });

  it('lets the validation refuse a default left naming a removed runtime', () => {
    const out = removeRuntime(setDefaultRuntime(HAND_WRITTEN, 'runsc'), 'runsc');
    expect(validateDaemonJson(out, { platform: 'linux' }).problems.map((p) => p.code)).toEqual(['default-runtime-unknown']);
  });
});

describe('setWindowsIsolation', () => {
  const SERVICE = '{\n  "hosts": ["npipe://"],\n  "exec-opts": ["isolation=hyperv"],\n  "data-root": "D:\\\\docker"\n}\n';

  it('rewrites the isolation entry in place', () => {
    expect(setWindowsIsolation(SERVICE, 'process')).toBe(SERVICE.replace('isolation=hyperv', 'isolation=process'));
  });

  it('adds exec-opts when the file has none, and removes the entry with null', () => {
    const bare = '{\n  "hosts": ["npipe://"]\n}\n';
    const set = setWindowsIsolation(bare, 'hyperv');
    expect(set).toBe('{\n  "hosts": ["npipe://"],\n  "exec-opts": ["isolation=hyperv"]\n}\n');
    expect(setWindowsIsolation(set, null)).toBe('{\n  "hosts": ["npipe://"],\n  "exec-opts": []\n}\n');
  });

  it('keeps one isolation entry when the file has several', () => {
    const twice = '{"exec-opts": ["isolation=process", "isolation=hyperv"]}';
    expect(setWindowsIsolation(twice, 'hyperv')).toBe('{"exec-opts": ["isolation=hyperv"]}');
  });

  it('appends to a list without an isolation entry, in the list’s own layout', () => {
    const listed = '{\n  "exec-opts": [\n    "foo=bar"\n  ]\n}';
    expect(setWindowsIsolation(listed, 'process')).toBe('{\n  "exec-opts": [\n    "foo=bar",\n    "isolation=process"\n  ]\n}');
  });
});

describe('diffDaemonJson', () => {
  it('lists added, removed and changed keys, following objects down', () => {
    const before = '{"debug": true, "runtimes": {"runsc": {"path": "/usr/bin/runsc"}}, "labels": ["a"]}';
    const after = '{"runtimes": {"runsc": {"path": "/usr/local/bin/runsc"}}, "labels": ["a", "b"], "default-runtime": "runsc"}';
    expect(diffDaemonJson(before, after)).toEqual([
      { path: ['debug'], kind: 'removed', before: true },
      { path: ['runtimes', 'runsc', 'path'], kind: 'changed', before: '/usr/bin/runsc', after: '/usr/local/bin/runsc' },
      { path: ['labels'], kind: 'changed', before: ['a'], after: ['a', 'b'] },
      { path: ['default-runtime'], kind: 'added', after: 'runsc' },
    ]);
  });

  it('is empty for the same settings in another layout, and null for text that is not an object', () => {
    expect(diffDaemonJson('{"a": {"b": 1, "c": 2}}', '{\n "a": {"c": 2, "b": 1}\n}')).toEqual([]);
    expect(diffDaemonJson('', '{"debug": true}')).toEqual([{ path: ['debug'], kind: 'added', after: true }]);
    expect(diffDaemonJson('{}', '{"debug": tru')).toBeNull();
  });
});

describe('setMember and removeMember on any object in any indentation', () => {
  test.prop([fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue()), fc.string({ maxLength: 5 }), fc.jsonValue(), fc.integer({ min: 0, max: 4 })])(
    'set puts exactly that value there and keeps the others; remove takes exactly it away',
    (object, key, value, indent) => {
      const text = JSON.stringify(object, null, indent);
      const set = setMember(text, [key], value as JsonValue);
      const expected = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
      Object.defineProperty(expected, key, { value: JSON.parse(JSON.stringify(value)), enumerable: true, writable: true, configurable: true });
      expect(JSON.parse(set)).toEqual(expected);
      delete expected[key];
      expect(JSON.parse(removeMember(set, [key]))).toEqual(expected);
    },
  );
});
