// Stats as the Stats tab shows them: numbers in the person's locale (memory in binary units and
// network / block I/O in decimal ones, as `docker stats` prints them), and per-second rates from
// the engine's running totals. Pure.
import type { Language } from '../../../../shared/model/preferences';
import type { StatsSample } from '../../../../shared/model/stats';

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, digits: number, style: 'decimal' | 'percent' = 'decimal', short = false): Intl.NumberFormat {
  const key = `${language}/${digits}/${style}/${short}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style, minimumFractionDigits: short ? 0 : digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

/** Fraction digits that keep about three significant ones: 1.23, 12.3, 123. */
const digitsFor = (value: number): number => (value >= 100 || value === 0 ? 0 : value >= 10 ? 1 : 2);

/**
 * `37.50%` (en), `37,50 %` (es): a percentage as `docker stats` gives it (of one CPU for CPU).
 * `short` drops trailing zeros (`1%`, for a chart's scale).
 */
export function formatPercent(percent: number, language: Language, short = false): string {
  const value = Number.isFinite(percent) ? Math.max(0, percent) : 0;
  return numberFormat(language, 2, 'percent', short).format(value / 100);
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * A size: `binary` (KiB, MiB…: memory, as docker stats) or `decimal` (kB, MB…: network and
 * block I/O). Whole bytes below the first unit; about three significant digits above.
 */
export function formatSize(bytes: number, language: Language, base: 'binary' | 'decimal', short = false): string {
  const units = base === 'binary' ? BINARY : DECIMAL;
  const step = base === 'binary' ? 1024 : 1000;
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  let unit = 0;
  while (unit < units.length - 1 && Number(value.toFixed(digitsFor(value))) >= (base === 'binary' ? 1024 : 1000)) {
    value /= step;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : digitsFor(value);
  return `${numberFormat(language, digits, 'decimal', short).format(value)} ${units[unit]}`;
}

/** `1.2 MB/s`. */
export function formatRate(bytesPerSecond: number, language: Language, short = false): string {
  return `${formatSize(bytesPerSecond, language, 'decimal', short)}/s`;
}

/** A whole number with the locale's grouping: `12,345` (en), `12.345` (es). */
export function formatCount(count: number, language: Language): string {
  return numberFormat(language, 0).format(Number.isFinite(count) ? count : 0);
}

/**
 * Per-second rates of a running total between consecutive samples (one fewer than samples). A
 * total that went down (the container restarted) counts as no traffic rather than a negative one.
 */
export function ratesOf(samples: readonly StatsSample[], total: (s: StatsSample) => number): number[] {
  const out: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const seconds = (b.readAt - a.readAt) / 1000;
    const delta = total(b) - total(a);
    out.push(seconds > 0 && delta > 0 ? delta / seconds : 0);
  }
  return out;
}
