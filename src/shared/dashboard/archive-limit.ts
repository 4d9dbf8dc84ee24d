// How much an image archive may unpack to before a load or import is refused: the engine expands
// what it is sent (a gzip archive, and in `docker load` each compressed layer), so a small file
// can fill its disk. The person may raise the limit for one archive in the load dialog. Decimal
// units, as the rest of Silo (and the docker CLI) prints sizes. Pure.

export const GB = 1_000_000_000;
/** Enough for the large images people really load (CUDA, ML stacks), far from filling a disk by surprise. */
export const DEFAULT_ARCHIVE_LIMIT = 8 * GB;
/** The highest limit the contract takes. */
export const MAX_ARCHIVE_LIMIT = 10_000 * GB;

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** `8 GB`, `10 MB`, `1.5 GB`: the limit in an error's words (digits only, any language reads them). */
export function formatLimit(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (unit < UNITS.length - 1 && value >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return `${Number(value.toPrecision(3))} ${UNITS[unit]}`;
}

export type ArchiveCompression = 'none' | 'gzip' | 'bzip2' | 'xz' | 'zstd';

/** What the first bytes of an archive (or of a layer in it) say it is compressed with. */
export function compressionOf(head: Uint8Array): ArchiveCompression {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  return 'none';
}

/** The bytes `compressionOf` needs to decide. */
export const COMPRESSION_SNIFF_BYTES = 6;
