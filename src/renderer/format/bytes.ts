// Sizes and dates of images, volumes and networks, in the person's language. Sizes use decimal
// units with three significant digits, as `docker images` and `docker system df` print them.
import type { Language } from '../../shared/model/preferences';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

const numberFormats = new Map<Language, Intl.NumberFormat>();
function numberFormat(language: Language): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumSignificantDigits: 3 });
    numberFormats.set(language, format);
  }
  return format;
}

/** `4.26 MB`, `512 B`, `1.1 GB` (decimal units, like the docker CLI); `0 B` for nothing or nonsense. */
export function formatBytes(bytes: number, language: Language): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return `0 ${UNITS[0]}`;
  let value = bytes;
  let unit = 0;
  // Round first, so 999,999 bytes read 1 MB rather than 1000 kB.
  while (unit < UNITS.length - 1 && Number(value.toPrecision(3)) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return `${numberFormat(language).format(value)} ${UNITS[unit]}`;
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A moment as the person's locale writes it (`Mar 4, 2025, 10:12 AM`); empty when unknown. */
export function formatDate(epochMs: number | null, language: Language): string {
  if (epochMs === null || !Number.isFinite(epochMs) || epochMs <= 0) return '';
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(language, format);
  }
  return format.format(epochMs);
}

/** The fraction done, from 0 to 1, or null when the whole is not known. */
export function fraction(done: number, total: number | null): number | null {
  if (total === null || !Number.isFinite(total) || total <= 0) return null;
  return Math.min(1, Math.max(0, done / total));
}
