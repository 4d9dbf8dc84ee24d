import { describe, expect, it } from 'vitest';
import {
  EMPTY_REMOTE_FORM,
  editorModel,
  engineIsolation,
  offsetOf,
  remoteInput,
  remoteProblems,
  runtimeChoices,
} from '../../../../src/renderer/views/backends/model';
import { setDefaultRuntime } from '../../../../src/shared/backends';
import { ENGINE, FILE, SHA_A, SHA_B, editableRead, endpoint, runtime, snapshotWith } from './fixtures';

describe('editorModel: the daemon.json editor, checked as typed', () => {
  it('an untouched file: nothing to apply, no changes', () => {
    expect(editorModel(editableRead(), FILE, SHA_A, null)).toEqual({
      problems: [],
      errors: 0,
      changes: [],
      dirty: false,
      stale: false,
      weakenings: [],
      unacknowledged: 0,
      canApply: false,
    });
  });

  it('a weakening: listed, and Apply offered only once it is ticked; main’s answer for the same text wins', () => {
    const draft = '{"insecure-registries": ["0.0.0.0/0"], "api-cors-header": "*"}';
    const model = editorModel(editableRead(), draft, SHA_A, null);
    expect(model.weakenings.map((w) => w.id)).toEqual(['cors-any:*', 'insecure-registries-all:0.0.0.0/0']);
    expect(model).toMatchObject({ errors: 0, unacknowledged: 2, canApply: false });
    expect(editorModel(editableRead(), draft, SHA_A, null, ['cors-any:*'])).toMatchObject({ unacknowledged: 1, canApply: false });
    expect(editorModel(editableRead(), draft, SHA_A, null, ['cors-any:*', 'insecure-registries-all:0.0.0.0/0'])).toMatchObject({
      unacknowledged: 0,
      canApply: true,
    });
    const disk = { id: 'runtime-world-writable:mine:/tmp/mine', code: 'runtime-world-writable' as const, key: 'runtimes.mine.path', params: {}, message: '' };
    const withServer = editorModel(editableRead(), draft, SHA_A, { text: draft, problems: [], weakenings: [...model.weakenings, disk] }, [
      'cors-any:*',
      'insecure-registries-all:0.0.0.0/0',
    ]);
    expect(withServer).toMatchObject({ unacknowledged: 1, canApply: false });
  });

  it('a valid edit: the change it makes, and Apply offered', () => {
    const model = editorModel(editableRead(), setDefaultRuntime(FILE, 'runsc'), SHA_A, null);
    expect(model).toMatchObject({ errors: 0, dirty: true, canApply: true, changes: [{ path: ['default-runtime'], kind: 'added', after: 'runsc' }] });
  });

  it('problems with line and column, as the pure rules find them (the command line included), sorted by place', () => {
    const text = '{\n  "iptables": false,\n  "default-runtme": "runsc"\n}\n';
    const model = editorModel(editableRead(), text, SHA_A, null);
    expect(model.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['flag-conflict', 2, 3],
      ['unknown-key', 3, 3],
    ]);
    expect(model.canApply).toBe(false);
  });

  it('a syntax error: where it is, and no diff until it parses', () => {
    const model = editorModel(editableRead(), '{\n  "debug": true,\n}\n', SHA_A, null);
    expect(model.problems).toEqual([expect.objectContaining({ code: 'syntax', line: 3, column: 1, severity: 'error' })]);
    expect(model.changes).toBeNull();
  });

  it("main's check of binaries on disk counts only for the very text it checked", () => {
    const text = '{"runtimes": {"kata": {"path": "/no/kata"}}}';
    const missing = {
      code: 'runtime-path-missing' as const,
      severity: 'error' as const,
      key: 'runtimes.kata.path',
      line: 1,
      column: 33,
      message: 'm',
      params: { runtime: 'kata', path: '/no/kata' },
    };
    expect(editorModel(editableRead(), text, SHA_A, { text, problems: [missing] })).toMatchObject({ errors: 1, canApply: false });
    expect(editorModel(editableRead(), `${text}\n`, SHA_A, { text, problems: [missing] })).toMatchObject({ errors: 0, canApply: true });
  });

  it('a draft begun on another version of the file is stale: not applied', () => {
    expect(editorModel(editableRead({ sha256: SHA_B }), setDefaultRuntime(FILE, 'runsc'), SHA_A, null)).toMatchObject({ stale: true, canApply: false });
  });
});

describe('offsetOf', () => {
  it('finds a 1-based line and column, clamped to the text', () => {
    const text = 'ab\ncde\nf';
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 2)).toBe(4);
    expect(offsetOf(text, 3, 1)).toBe(7);
    expect(offsetOf(text, 9, 1)).toBe(text.length);
    expect(offsetOf(text, 3, 50)).toBe(text.length);
  });
});

describe('runtimeChoices', () => {
  it('orders the runtimes on the ladder, weakest first, unknown last, then by name', () => {
    const choices = runtimeChoices([
      runtime('kata', 'virtual-machine'),
      runtime('runsc', 'user-space-kernel'),
      runtime('odd', 'unknown'),
      runtime('runc', 'shared-kernel', true),
      runtime('crun', 'shared-kernel'),
    ]);
    expect(choices.map((c) => c.name)).toEqual(['crun', 'runc', 'runsc', 'kata', 'odd']);
    expect(choices.find((c) => c.name === 'runc')?.isDefault).toBe(true);
  });
});

describe('engineIsolation: which default each engine runs, at a glance', () => {
  const other = endpoint({ id: 'tcp://10.0.0.2:2376', host: 'tcp://10.0.0.2:2376', name: 'remote', source: 'context', tls: true, active: false });

  it('the active engine from its info; another unknown until asked', () => {
    expect(engineIsolation(endpoint(), snapshotWith({ defaultRuntime: 'runsc' }), new Map())).toEqual({
      kind: 'known',
      mode: 'runsc',
      rung: 'user-space-kernel',
    });
    expect(engineIsolation(other, snapshotWith({}), new Map())).toEqual({ kind: 'unknown' });
  });

  it('another engine once asked: asking, its answer, or why it gave none', () => {
    expect(engineIsolation(other, null, new Map([[other.id, { asking: true }]]))).toEqual({ kind: 'asking' });
    const answer = {
      id: other.id,
      osType: 'windows',
      defaultRuntime: null,
      defaultIsolation: 'hyperv' as const,
      rung: 'virtual-machine' as const,
      error: null,
    };
    expect(engineIsolation(other, null, new Map([[other.id, { asking: false, value: answer }]]))).toEqual({
      kind: 'known',
      mode: 'hyperv',
      rung: 'virtual-machine',
    });
    const failed = { ...answer, osType: null, defaultIsolation: null, rung: null, error: { code: 'engine-timeout' as const } };
    expect(engineIsolation(other, null, new Map([[other.id, { asking: false, value: failed }]]))).toEqual({
      kind: 'no-answer',
      error: { code: 'engine-timeout' },
    });
  });

  it('a Windows engine shows its isolation mode', () => {
    const info = {
      osType: 'windows',
      defaultRuntime: null,
      defaultIsolation: 'process' as const,
      runtimes: [runtime('process', 'shared-kernel', true), runtime('hyperv', 'virtual-machine')],
    };
    expect(engineIsolation(endpoint(), snapshotWith(info), new Map())).toEqual({ kind: 'known', mode: 'process', rung: 'shared-kernel' });
  });

  it('the snapshot of another endpoint does not speak for this one', () => {
    expect(engineIsolation(endpoint({ id: ENGINE, active: true }), snapshotWith({}, other), new Map())).toEqual({ kind: 'unknown' });
  });
});

describe('the remote engine form', () => {
  const pem = (label: string) => `-----BEGIN ${label}-----\nMIIB\n-----END ${label}-----\n`;

  it('names the fields that cannot be sent', () => {
    expect(remoteProblems(EMPTY_REMOTE_FORM)).toEqual({ name: 'name', host: 'host' });
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'default', host: 'http://x' })).toEqual({ name: 'name', host: 'host' });
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'tcp://lab:2376' })).toEqual({ ca: 'ca' });
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'tcp://lab:2376', skipVerify: true })).toEqual({});
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'tcp://lab:2376', ca: 'not pem', cert: pem('CERTIFICATE') })).toEqual({
      ca: 'pem',
      key: 'pair',
    });
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'tcp://lab:2376', ca: pem('CERTIFICATE'), key: pem('PRIVATE KEY') })).toEqual({
      cert: 'pair',
    });
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'ssh://me@lab' })).toEqual({});
  });

  it('refuses an ssh user or host that begins with "-" as it is typed', () => {
    for (const host of ['ssh://-oProxyCommand=touch%20x@lab', 'ssh://-oProxyCommand=x', 'ssh://me@%2Dlab', 'ssh://%2dme@lab:22'])
      expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host }), host).toEqual({ host: 'ssh-option' });
    expect(remoteProblems({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'ssh://me-too@lab-1' })).toEqual({});
  });

  it('sends TLS text only for a tcp address, without empty fields', () => {
    const form = {
      ...EMPTY_REMOTE_FORM,
      name: ' lab ',
      description: '  ',
      host: 'tcp://lab:2376 ',
      ca: pem('CERTIFICATE'),
      cert: pem('CERTIFICATE'),
      key: pem('PRIVATE KEY'),
    };
    expect(remoteInput(form)).toEqual({ name: 'lab', host: 'tcp://lab:2376', tls: { ca: form.ca, cert: form.cert, key: form.key } });
    expect(remoteInput({ ...form, host: 'ssh://me@lab', description: 'lab box' })).toEqual({ name: 'lab', host: 'ssh://me@lab', description: 'lab box' });
    expect(remoteInput({ ...EMPTY_REMOTE_FORM, name: 'lab', host: 'tcp://lab:2376', skipVerify: true })).toEqual({
      name: 'lab',
      host: 'tcp://lab:2376',
      tls: { skipVerify: true },
    });
  });
});
