import { describe, expect, it } from 'vitest';
import { editorModel } from '../../../../src/renderer/views/backends/model';
import { diagnosticsOf } from '../../../../src/renderer/views/backends/editor/diagnostics';
import type { DaemonProblem } from '../../../../src/shared/model/backends';
import { SHA_A, editableRead } from './fixtures';

const byCode = (p: DaemonProblem) => p.code;
const marked = (text: string) => {
  const problems = editorModel(editableRead(), text, SHA_A, null).problems;
  return diagnosticsOf(text, problems, byCode).map((d) => ({ text: text.slice(d.from, d.to), from: d.from, severity: d.severity, message: d.message }));
};

describe('diagnosticsOf: Silo problems as ranges of the editor text', () => {
  it('an unknown key: the whole quoted key on its line, from the validator line and column', () => {
    const text = '{\n  "iptables": false,\n  "default-runtme": "runsc"\n}\n';
    const marks = marked(text);
    expect(marks).toContainEqual({ text: '"default-runtme"', from: text.indexOf('"default-runtme"'), severity: 'error', message: 'unknown-key' });
  });

  it('a syntax error at a closing brace: that one character', () => {
    const text = '{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc"},\n  }\n}\n';
    expect(marked(text)).toEqual([{ text: '}', from: text.indexOf('  }\n') + 2, severity: 'error', message: 'syntax' }]);
  });

  it('a word (a bare literal) is marked whole', () => {
    const text = '{\n  "debug": tru\n}\n';
    const marks = marked(text);
    expect(marks).toHaveLength(1);
    expect(text.slice(marks[0]!.from).startsWith(marks[0]!.text)).toBe(true);
    expect(marks[0]!.text.length).toBeGreaterThan(0);
  });

  it('never past the end of its line; a position at the very end is an empty range', () => {
    const problem = (line: number, column: number): DaemonProblem => ({
      code: 'syntax',
      severity: 'error',
      key: null,
      line,
      column,
      message: '',
      params: {},
    });
    const text = '{\n  "a": "open\n';
    const [inString, atEnd, beyond] = diagnosticsOf(text, [problem(2, 8), problem(3, 1), problem(2, 40)], byCode);
    expect(text.slice(inString!.from, inString!.to)).toBe('"open');
    expect(atEnd).toMatchObject({ from: text.length, to: text.length });
    expect(beyond).toMatchObject({ from: text.indexOf('\n', 2), to: text.indexOf('\n', 2) });
  });

  it('problems without a position are not marked in the text', () => {
    const problem: DaemonProblem = { code: 'not-an-object', severity: 'error', key: null, line: null, column: null, message: '', params: {} };
    expect(diagnosticsOf('[]', [problem], byCode)).toEqual([]);
  });
});
