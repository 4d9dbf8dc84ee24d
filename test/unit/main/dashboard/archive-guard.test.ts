// The guard between an image archive and the engine: it hands on exactly the bytes it was given
// while they stay under the limit, counts what the engine would unpack them to (the archive's own
// gzip, and in a load each gzip layer), and fails with a plain code as soon as that passes the
// limit. The tar walk reads USTAR, base-256 and PAX sizes.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArchiveGuard } from '../../../../src/main/dashboard/archive-guard';
import { TarEntries } from '../../../../src/main/dashboard/tar-entries';
import { compressionOf, formatLimit } from '../../../../src/shared/dashboard/archive-limit';
import { SiloFailure } from '../../../../src/shared/errors';

function header(name: string, size: number, type = '0', base256 = false): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  if (base256) {
    h[124] = 0x80;
    let rest = BigInt(size);
    for (let i = 135; i > 124; i--) {
      h[i] = Number(rest & 0xffn);
      rest >>= 8n;
    }
  } else h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write(type, 156);
  h.write('ustar\x0000', 257);
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}
const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
const entry = (name: string, data: Buffer): Buffer => Buffer.concat([header(name, data.length), pad(data)]);
const tar = (...entries: Buffer[]): Buffer => Buffer.concat([...entries, Buffer.alloc(1024)]);

async function through(mode: 'load' | 'import', limit: number, bytes: Buffer, piece = 64 * 1024): Promise<{ out: Buffer; guard: ArchiveGuard }> {
  const guard = new ArchiveGuard(mode, limit);
  const chunks: Buffer[] = [];
  const pieces = Array.from({ length: Math.ceil(bytes.length / piece) }, (_, i) => bytes.subarray(i * piece, (i + 1) * piece));
  await pipeline(
    Readable.from(pieces),
    guard,
    new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return { out: Buffer.concat(chunks), guard };
}

async function refusal(mode: 'load' | 'import', limit: number, bytes: Buffer): Promise<{ code: string; params?: unknown; passed: number }> {
  let passed = 0;
  const guard = new ArchiveGuard(mode, limit);
  try {
    await pipeline(
      Readable.from([bytes.subarray(0, bytes.length / 2), bytes.subarray(bytes.length / 2)].filter((b) => b.length > 0)),
      guard,
      new Writable({
        write(chunk: Buffer, _e, done) {
          passed += chunk.length;
          done();
        },
      }),
    );
  } catch (error) {
    if (error instanceof SiloFailure) return { code: error.error.code, params: error.error.params, passed };
    throw error;
  }
  throw new Error('the guard let it through');
}

describe('the archive guard', () => {
  it('hands on a plain tar untouched, counting its bytes', async () => {
    const archive = tar(entry('a.txt', Buffer.from('hello')), entry('b.bin', Buffer.alloc(3000, 7)));
    const { out, guard } = await through('load', 1_000_000, archive, 700);
    expect(out.equals(archive)).toBe(true);
    expect(guard.unpacked).toBe(archive.length);
  });

  it('sends a gzip archive as it is, and counts it inflated', async () => {
    const archive = tar(entry('zeros', Buffer.alloc(200_000)));
    const gz = gzipSync(archive);
    const { out, guard } = await through('import', 1_000_000, gz);
    expect(out.equals(gz)).toBe(true);
    expect(guard.received).toBe(gz.length);
    expect(guard.unpacked).toBe(archive.length);
  });

  it('refuses a gzip bomb with too-large naming the limit, having passed on no more than it was sent', async () => {
    const gz = gzipSync(tar(entry('zeros', Buffer.alloc(20_000_000))));
    expect(gz.length).toBeLessThan(100_000);
    const refused = await refusal('import', 5_000_000, gz);
    expect(refused).toMatchObject({ code: 'too-large', params: { limit: '5 MB' } });
    expect(refused.passed).toBeLessThan(gz.length);
  });

  it('counts a gzip layer inside a docker-save archive inflated, in a load only', async () => {
    const layer = gzipSync(tar(entry('zeros', Buffer.alloc(20_000_000))));
    const archive = tar(entry('manifest.json', Buffer.from('[]')), entry('abc/layer.tar', layer));
    expect(await refusal('load', 5_000_000, archive)).toMatchObject({ code: 'too-large' });
    // An import unpacks the archive, not the files in it: a .gz file in a filesystem stays a file.
    const { guard } = await through('import', 5_000_000, archive);
    expect(guard.unpacked).toBe(archive.length);
  });

  it('caps the bytes sent as well as the bytes unpacked', async () => {
    expect(await refusal('import', 10_000, tar(entry('big', Buffer.alloc(20_000, 1))))).toMatchObject({ code: 'too-large' });
  });

  it('refuses what it cannot measure: xz, bzip2 and zstd archives and layers', async () => {
    const xz = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]);
    expect(await refusal('load', 1e9, Buffer.concat([xz, Buffer.alloc(2000)]))).toMatchObject({ code: 'archive-compression', params: { format: 'xz' } });
    expect(await refusal('load', 1e9, tar(entry('l.tar', Buffer.concat([Buffer.from('BZh91AY'), Buffer.alloc(100)]))))).toMatchObject({
      code: 'archive-compression',
      params: { format: 'bzip2' },
    });
    expect(await refusal('import', 1e9, Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(100)]))).toMatchObject({
      params: { format: 'zstd' },
    });
  });

  it('says invalid-archive for a load that is not a tar', async () => {
    expect(await refusal('load', 1e9, Buffer.alloc(2048, 0x41))).toMatchObject({ code: 'invalid-archive' });
  });
});

describe('the tar walk', () => {
  const walk = (bytes: Buffer): Array<{ name: string; size: number; got: number }> => {
    const files: Array<{ name: string; size: number; got: number }> = [];
    const w = new TarEntries({
      entry: (h) => {
        if (h.type === '0') files.push({ name: h.name, size: h.size, got: 0 });
      },
      data: (piece) => (files.at(-1)!.got += piece.length),
    });
    for (let at = 0; at < bytes.length; at += 333) w.push(bytes.subarray(at, at + 333));
    return files;
  };

  it('reads octal, base-256 and PAX sizes, and skips what is not a regular file', () => {
    const pax = Buffer.from('16 size=1000000\n');
    const bytes = tar(
      entry('a', Buffer.alloc(10)),
      Buffer.concat([header('dir/', 0, '5')]),
      Buffer.concat([header('b', 600, '0', true), pad(Buffer.alloc(600))]),
      Buffer.concat([header('PaxHeader', pax.length, 'x'), pad(pax), header('c', 0), pad(Buffer.alloc(1_000_000))]),
    );
    expect(walk(bytes)).toEqual([
      { name: 'a', size: 10, got: 10 },
      { name: 'b', size: 600, got: 600 },
      { name: 'c', size: 1_000_000, got: 1_000_000 },
    ]);
  });
});

describe('the limit in words and the compression sniff', () => {
  it('formats decimal units as the rest of Silo', () => {
    expect(formatLimit(8_000_000_000)).toBe('8 GB');
    expect(formatLimit(1_500_000_000)).toBe('1.5 GB');
    expect(formatLimit(10_000_000)).toBe('10 MB');
    expect(formatLimit(512)).toBe('512 B');
  });
  it('tells the compressions apart', () => {
    expect(compressionOf(Uint8Array.from([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(compressionOf(Buffer.from('BZh9'))).toBe('bzip2');
    expect(compressionOf(Buffer.from('ustar'))).toBe('none');
  });
});
