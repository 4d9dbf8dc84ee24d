import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, fraction } from '../../../../src/renderer/format/bytes';

describe('formatBytes', () => {
  it('prints decimal units with three significant digits, like the docker CLI', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(4_261_234, 'en')).toBe('4.26 MB');
    expect(formatBytes(1_980_000, 'en')).toBe('1.98 MB');
    expect(formatBytes(1_000, 'en')).toBe('1 kB');
    expect(formatBytes(72_800_000_000, 'en')).toBe('72.8 GB');
    expect(formatBytes(3.2e15, 'en')).toBe('3.2 PB');
  });

  it('rounds before choosing the unit: 999,999 bytes read 1 MB, not 1000 kB', () => {
    expect(formatBytes(999_999, 'en')).toBe('1 MB');
    expect(formatBytes(999_499, 'en')).toBe('999 kB');
  });

  it('writes numbers the way the language does', () => {
    expect(formatBytes(4_261_234, 'es')).toBe('4,26 MB');
  });

  it('says 0 B for nothing and for nonsense', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(-5, 'en')).toBe('0 B');
    expect(formatBytes(Number.NaN, 'en')).toBe('0 B');
  });
});

describe('formatDate', () => {
  it('is empty when the moment is unknown', () => {
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDate(0, 'en')).toBe('');
  });

  it('includes the year', () => {
    expect(formatDate(Date.UTC(2025, 2, 4, 12), 'en')).toMatch(/2025/);
  });
});

describe('fraction', () => {
  it('is between 0 and 1, or null when the whole is unknown', () => {
    expect(fraction(5, 10)).toBe(0.5);
    expect(fraction(15, 10)).toBe(1);
    expect(fraction(-1, 10)).toBe(0);
    expect(fraction(5, null)).toBeNull();
    expect(fraction(5, 0)).toBeNull();
  });
});
