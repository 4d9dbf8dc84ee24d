// Issue 12 item 8: a large daemon.json froze every page (the validator placed each problem by
// scanning the text from its start) and deep nesting ended in an internal RangeError. Now the
// validator is linear, nests at most MAX_JSON_DEPTH levels with a plain problem, and refuses a
// text over MAX_CONFIG_TEXT with a plain problem, without parsing it.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonSource } from '../../../../src/shared/backends/json-source';
import { MAX_CONFIG_TEXT, validateDaemonJson } from '../../../../src/shared/backends/daemon-validate';
import { diagnosticsOf } from '../../../../src/renderer/views/backends/editor/diagnostics';

const linux = { platform: 'linux' as const };

/** A valid file of about `bytes`: one label per line. */
function validText(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `    "zone-${i}=rack \\"${i % 97}\\" \\u00e9"`;
    lines.push(line);
    size += line.length + 2;
  }
  return `{\n  "log-level": "info",\n  "labels": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** A file of about `bytes` where every line is a problem: the same key again and again. */
function manyProblems(bytes: number): string {
  const count = Math.floor(bytes / 14);
  return `{\n${Array.from({ length: count }, () => '  "debug": 1').join(',\n')}\n}\n`;
}

/**
 * A generous deadline, well under the 14.7 s the issue saw a 204 KB text freeze the page: the
 * linear validator takes a few hundred ms for 1 MB here, the quadratic one minutes.
 */
const DEADLINE_MS = 5_000;

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('the daemon.json validator on large and deep texts', () => {
  it('validates a valid 1 MB text well within the deadline', () => {
    const big = validText(1_000_000);
    expect(big.length).toBeGreaterThan(999_000);
    expect(big.length).toBeLessThan(MAX_CONFIG_TEXT);
    const report = validateDaemonJson(big, linux);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect((report.config?.labels as string[]).at(-1)).toMatch(/^zone-\d+=rack "\d+" é$/);

    expect(timed(() => validateDaemonJson(big, linux))).toBeLessThan(DEADLINE_MS);
  });

  it('places tens of thousands of problems without scanning the text for each', () => {
    const big = manyProblems(1_000_000);
    const report = validateDaemonJson(big, linux);
    expect(report.ok).toBe(false);
    const count = (big.match(/"debug"/g) ?? []).length;
    // Each repeat is a duplicate, and every value is of the wrong type.
    expect(report.problems.filter((p) => p.code === 'duplicate-key')).toHaveLength(count - 1);
    expect(report.problems.filter((p) => p.code === 'wrong-type')).toHaveLength(count);
    expect(report.problems.at(-1)).toMatchObject({ code: 'wrong-type', line: count + 1, column: 12 });
    const duplicates = report.problems.filter((p) => p.code === 'duplicate-key');
    expect(duplicates.at(-1)).toMatchObject({ line: count + 1, column: 3 });
    // The editor's marks for all of them: each from its own line.
    const marks = diagnosticsOf(big, report.problems, (p) => p.code);
    expect(marks).toHaveLength(report.problems.length);
    expect(big.slice(marks[0]?.from, marks[0]?.to)).toBe('"debug"');
    // The quadratic validator took 3.5 s for a tenth of this text and 12.7 s for a fifth.
    expect(timed(() => diagnosticsOf(big, validateDaemonJson(big, linux).problems, (p) => p.code))).toBeLessThan(DEADLINE_MS);
  });

  it('says in plain words that 10,000 levels of nesting are too deep, without a RangeError', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
    ] as const) {
      const deep = `{"labels": ${open.repeat(10_000)}1${close.repeat(10_000)}}`;
      const report = validateDaemonJson(deep, linux);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({
          code: 'too-deep',
          severity: 'error',
          line: 1,
          params: { limit: MAX_JSON_DEPTH },
          message: expect.stringMatching(/nested more than 64 levels/),
        }),
      ]);
    }
    // A file nested exactly to the limit is read.
    const deepest = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseJsonSource(deepest).ok).toBe(true);
    expect(parseJsonSource(`[${deepest}]`)).toMatchObject({ ok: false, error: { reason: 'too-deep' } });
  });

  it('refuses a text over the size cap with a plain problem, without reading it', () => {
    const huge = `{"labels": ["${'x'.repeat(MAX_CONFIG_TEXT)}"]}`;
    const report = validateDaemonJson(huge, linux);
    expect(report).toMatchObject({ ok: false, config: null, runtimePaths: [] });
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'too-large', severity: 'error', line: null, params: { size: huge.length, limit: MAX_CONFIG_TEXT } }),
    ]);
    // Exactly at the cap it is still checked.
    const padded = `{"labels": ["${'x'.repeat(MAX_CONFIG_TEXT - 16)}"]}`;
    expect(padded.length).toBeLessThanOrEqual(MAX_CONFIG_TEXT);
    expect(validateDaemonJson(padded, linux).ok).toBe(true);
  });
});
