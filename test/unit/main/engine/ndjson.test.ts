import { describe, expect, it } from 'vitest';
import { NdjsonParser } from '../../../../src/main/util/ndjson';

const events = [
  { Type: 'container', Action: 'start', Actor: { ID: 'a'.repeat(64), Attributes: { name: 'web', image: 'nginx' } }, time: 1, timeNano: 1000 },
  { Type: 'container', Action: 'health_status: healthy', Actor: { ID: 'b'.repeat(64), Attributes: { name: 'café-ü-😀' } } },
  { Type: 'container', Action: 'destroy', Actor: { ID: 'c'.repeat(64) } },
];
const wire = Buffer.from(events.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8');

function feed(chunks: Buffer[]): { values: unknown[]; errors: string[] } {
  const parser = new NdjsonParser();
  const values: unknown[] = [];
  const errors: string[] = [];
  for (const chunk of chunks) {
    const r = parser.push(chunk);
    values.push(...r.values);
    errors.push(...r.errors);
  }
  const last = parser.end();
  return { values: [...values, ...last.values], errors: [...errors, ...last.errors] };
}

describe('NdjsonParser', () => {
  it('parses a whole buffer', () => {
    expect(feed([wire])).toEqual({ values: events, errors: [] });
  });

  it('gives the same values for every split point, including inside a multi-byte character', () => {
    for (let at = 1; at < wire.length; at++) {
      expect(feed([wire.subarray(0, at), wire.subarray(at)]).values).toEqual(events);
    }
  });

  it('survives one byte at a time', () => {
    const bytes = Array.from({ length: wire.length }, (_, i) => wire.subarray(i, i + 1));
    expect(feed(bytes)).toEqual({ values: events, errors: [] });
  });

  it('emits a value only once its line is complete', () => {
    const parser = new NdjsonParser();
    const line = JSON.stringify(events[0]);
    expect(parser.push(line.slice(0, 10)).values).toEqual([]);
    expect(parser.push(line.slice(10)).values).toEqual([]);
    expect(parser.push('\n').values).toEqual([events[0]]);
  });

  it('handles CRLF, blank lines, and a last line without its newline', () => {
    const text = `\r\n${JSON.stringify(events[0])}\r\n\n${JSON.stringify(events[2])}`;
    expect(feed([Buffer.from(text)])).toEqual({ values: [events[0], events[2]], errors: [] });
  });

  it('reports a garbage line and goes on with the next', () => {
    const text = `{"Action":"start"}\n{not json\n{"Action":"stop"}\n`;
    const result = feed([Buffer.from(text)]);
    expect(result.values).toEqual([{ Action: 'start' }, { Action: 'stop' }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('{not json');
  });
});
