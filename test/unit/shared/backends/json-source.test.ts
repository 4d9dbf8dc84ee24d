// The strict JSON parser: same verdict and value as JSON.parse, positions for every error.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseJsonSource, toValue, lineColumn } from '../../../../src/shared/backends/json-source';

function errorOf(text: string) {
  const parsed = parseJsonSource(text);
  if (parsed.ok) throw new Error('expected a syntax error');
  return parsed.error;
}

describe('parseJsonSource', () => {
  it('names the line and column of a trailing comma', () => {
    const error = errorOf('{\n  "debug": true,\n}\n');
    expect(error).toMatchObject({ line: 3, column: 1 });
    expect(error.message).toMatch(/trailing comma/);
  });

  it('names a missing comma between members', () => {
    const error = errorOf('{\n  "debug": true\n  "experimental": false\n}');
    expect(error).toMatchObject({ line: 3, column: 3 });
    expect(error.message).toMatch(/comma or \}/);
  });

  it('names an unclosed string at its opening quote', () => {
    expect(errorOf('{"default-runtime": "runsc}')).toMatchObject({ line: 1, column: 21 });
  });

  it('says that comments and single quotes are not JSON', () => {
    expect(errorOf('{ // a comment\n}').message).toMatch(/no comments/);
    expect(errorOf("{'debug': true}").message).toMatch(/double quotes/);
  });

  it('refuses leading zeros, bare words and text after the value', () => {
    expect(errorOf('{"mtu": 01500}').message).toMatch(/number/);
    expect(errorOf('{"debug": yes}').message).toMatch(/Unexpected character y/);
    expect(errorOf('{} {}').message).toMatch(/more text after/);
  });

  it('reads an empty or blank file as nothing, and keeps a BOM', () => {
    expect(parseJsonSource('')).toEqual({ ok: true, root: null, bom: false });
    expect(parseJsonSource(' \n\t')).toEqual({ ok: true, root: null, bom: false });
    const withBom = parseJsonSource('\ufeff{"debug": true}');
    expect(withBom.ok && withBom.bom).toBe(true);
  });

  it('keeps the span of every key and value', () => {
    const text = '{"runtimes": {"runsc": {"path": "/usr/bin/runsc"}}}';
    const parsed = parseJsonSource(text);
    if (!parsed.ok || parsed.root?.kind !== 'object') throw new Error('parse failed');
    const runtimes = parsed.root.members[0]!;
    expect(text.slice(runtimes.keyStart, runtimes.keyEnd)).toBe('"runtimes"');
    expect(text.slice(runtimes.value.start, runtimes.value.end)).toBe('{"runsc": {"path": "/usr/bin/runsc"}}');
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  test.prop([fc.json()])('agrees with JSON.parse on any JSON text', (text) => {
    const parsed = parseJsonSource(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.root) expect(toValue(parsed.root)).toEqual(JSON.parse(text));
  });

  test.prop([fc.string({ maxLength: 40 })])('accepts exactly what JSON.parse accepts', (text) => {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    const blank = text.trim() === '' && /^[ \t\n\r]*$/.test(text);
    expect(parseJsonSource(text).ok).toBe(valid || blank);
  });
});
