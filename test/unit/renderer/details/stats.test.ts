import { describe, expect, it } from 'vitest';
import type { StatsSample } from '../../../../src/shared/model/stats';
import { formatCount, formatPercent, formatRate, formatSize, ratesOf } from '../../../../src/renderer/views/details/logic/stats';
import { chartGeometry, niceCeiling } from '../../../../src/renderer/components/chart';

// Intl puts a narrow no-break space before % in Spanish; compare with plain spaces.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

const sample = (readAt: number, rx: number): StatsSample => ({
  readAt,
  cpuPercent: 0,
  memoryUsage: 0,
  memoryLimit: null,
  memoryPercent: null,
  networkRx: rx,
  networkTx: 0,
  blockRead: 0,
  blockWrite: 0,
  pids: null,
  cpus: 1,
});

describe('numbers in the person’s locale', () => {
  it('percentages with two decimals, as docker stats; short ones for a scale', () => {
    expect(formatPercent(37.5, 'en')).toBe('37.50%');
    expect(plain(formatPercent(37.5, 'es'))).toBe('37,50 %');
    expect(formatPercent(250, 'en')).toBe('250.00%');
    expect(formatPercent(-1, 'en')).toBe('0.00%');
    expect(formatPercent(Number.NaN, 'en')).toBe('0.00%');
    expect(formatPercent(1, 'en', true)).toBe('1%');
    expect(formatPercent(2.5, 'en', true)).toBe('2.5%');
  });

  it('memory in binary units, network and disk in decimal ones, about three digits', () => {
    expect(formatSize(0, 'en', 'binary')).toBe('0 B');
    expect(formatSize(1023, 'en', 'binary')).toBe('1,023 B');
    expect(formatSize(1024, 'en', 'binary')).toBe('1.00 KiB');
    expect(formatSize(1536 * 1024, 'en', 'binary')).toBe('1.50 MiB');
    expect(formatSize(123.4 * 1024 ** 3, 'en', 'binary')).toBe('123 GiB');
    expect(formatSize(999, 'en', 'decimal')).toBe('999 B');
    expect(formatSize(1000, 'en', 'decimal')).toBe('1.00 kB');
    expect(formatSize(12_345_678, 'en', 'decimal')).toBe('12.3 MB');
    expect(formatSize(12_345_678, 'es', 'decimal')).toBe('12,3 MB');
    // Rounding up to the next unit reads 1.00 MB, never 1000 kB.
    expect(formatSize(999_999, 'en', 'decimal')).toBe('1.00 MB');
    expect(formatSize(2_500, 'en', 'decimal', true)).toBe('2.5 kB');
    expect(formatRate(1500, 'en')).toBe('1.50 kB/s');
    expect(formatSize(-5, 'en', 'decimal')).toBe('0 B');
  });

  it('counts with the locale’s grouping', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'es')).toBe('12.345');
    expect(formatCount(7, 'en')).toBe('7');
  });
});

describe('rates from running totals', () => {
  it('per second between consecutive samples; a total that went down counts as none', () => {
    const samples = [sample(0, 0), sample(1000, 500), sample(3000, 1500), sample(4000, 100)];
    expect(ratesOf(samples, (s) => s.networkRx)).toEqual([500, 500, 0]);
    expect(ratesOf([sample(0, 0)], (s) => s.networkRx)).toEqual([]);
    expect(ratesOf([sample(5, 0), sample(5, 10)], (s) => s.networkRx)).toEqual([0]);
  });
});

describe('chart scaling', () => {
  it('rounds the top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(0.3)).toBe(0.5);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(2.1)).toBe(2.5);
    expect(niceCeiling(37)).toBe(50);
    expect(niceCeiling(51)).toBe(100);
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });

  it('draws the newest point at the right edge and scales from 0 to the top', () => {
    const g = chartGeometry([0, 50, 100], { capacity: 5, width: 100, height: 10 });
    expect(g.top).toBe(100);
    expect(g.line).toBe('M50 10 L75 5 L100 0');
    expect(g.area).toBe('M50 10 L75 5 L100 0 L100 10 L50 10 Z');
  });

  it('keeps only the last `capacity` points, clamps to the top, and honours a floor', () => {
    const g = chartGeometry([9, 1, 2], { capacity: 2, width: 10, height: 10, floor: 5 });
    expect(g.top).toBe(5);
    expect(g.line).toBe('M0 8 L10 6');
    const fixed = chartGeometry([200], { capacity: 3, width: 10, height: 10, top: 100 });
    expect(fixed.line).toBe('M10 0');
    expect(fixed.area).toBe('');
    expect(chartGeometry([], { capacity: 3, width: 10, height: 10 })).toEqual({ line: '', area: '', top: 1 });
  });
});
