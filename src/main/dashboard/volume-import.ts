// A tar imported into a volume, piece by piece as the page sends it (the images' upload path:
// chunked, capped, checked as it streams by VolumeTarGuard). Into a new volume: written straight
// in, and the volume removed again if anything fails. Into an existing one: written into a new
// staging volume first, so a refused or cut tar leaves the target as it was; only then, when the
// target holds files (and the person chose replace or merge), a backup clone of it is made, it is
// emptied for a replace, and the staging volume's content is copied in.
import { randomBytes } from 'node:crypto';
import { DEFAULT_ARCHIVE_LIMIT, formatLimit } from '../../shared/dashboard/archive-limit';
import { SiloFailure, siloError } from '../../shared/errors';
import type { VolumeImportMode, VolumeImportResult } from '../../shared/model/volume-files';
import { cloneVolume, copyVolume, dropVolume, emptyVolume, newVolume, putArchive, restoreRoot, volumeExists, volumeIsEmpty } from './volume-copy';
import { createHelper, removeHelper } from './volume-helper';
import { VolumeTarGuard } from './volume-tar-guard';
import type { UploadHandle } from './stream-sink';
import { guardReason, uploadPieces } from './upload-pieces';
import type { LiveEngine } from '../engine/live';

export interface ImportSpec {
  name: string;
  into: 'new' | 'existing';
  mode?: VolumeImportMode;
  size?: number;
  limit?: number;
}

/** `name-backup-20261202T143000Z`. */
export function backupName(name: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${name}-backup-${stamp}`.slice(0, 255);
}

export async function openVolumeImport(live: LiveEngine, spec: ImportSpec): Promise<UploadHandle<VolumeImportResult>> {
  const limit = spec.limit ?? DEFAULT_ARCHIVE_LIMIT;
  if (spec.size !== undefined && spec.size > limit) throw new SiloFailure(siloError('too-large', { params: { limit: formatLimit(limit) } }));
  let staging: string | null = null;
  let empty = true;
  if (spec.into === 'new') {
    await newVolume(live, spec.name, 'import');
  } else {
    if (!(await volumeExists(live, spec.name))) throw new SiloFailure(siloError('volume-not-found', { params: { name: spec.name } }));
    empty = await volumeIsEmpty(live, spec.name);
    if (!empty && !spec.mode) throw new SiloFailure(siloError('volume-not-empty', { params: { name: spec.name } }));
    staging = `silo-import-${randomBytes(6).toString('hex')}`;
    await newVolume(live, staging, `import-into:${spec.name}`);
  }
  const written = staging ?? spec.name;
  let helper: { id: string } | null = null;
  try {
    helper = await createHelper(live, written, true);
  } catch (error) {
    await dropVolume(live, written);
    throw error;
  }
  const helperId = helper.id;
  const body = new VolumeTarGuard(limit);
  const controller = new AbortController();
  body.on('error', (error) => controller.abort(error));
  let cleaned: Promise<void> | null = null;
  /** The helper goes, and the volume written (a new one, or the staging one): once, awaited by all. */
  const cleanUp = (): Promise<void> => {
    cleaned ??= (async () => {
      await removeHelper(live, helperId);
      await dropVolume(live, written);
    })();
    return cleaned;
  };
  const request = putArchive(live, helperId, body, controller.signal).catch((error: unknown) => {
    throw guardReason(controller.signal, error);
  });
  const pieces = uploadPieces(body, request, () => void cleanUp());
  const stop = (): Promise<void> => {
    controller.abort();
    body.destroy();
    request.catch(() => undefined);
    return cleanUp();
  };

  const finish = async (): Promise<VolumeImportResult> => {
    try {
      await request;
      if (!body.complete) throw new SiloFailure(siloError('invalid-archive', { detail: 'the tar ends before its end marker' }));
      if (body.root) await restoreRoot(live, helperId, body.root);
    } catch (error) {
      await cleanUp();
      throw error;
    }
    cleaned = removeHelper(live, helperId);
    await cleaned;
    let backup: string | null = null;
    if (staging) {
      try {
        if (!empty) {
          backup = backupName(spec.name);
          await cloneVolume(live, spec.name, backup);
          if (spec.mode === 'replace') await emptyVolume(live, spec.name);
        }
        await copyVolume(live, staging, spec.name);
      } finally {
        await dropVolume(live, staging);
      }
    }
    return { volume: spec.name, backup, files: body.files, bytes: body.received };
  };

  return {
    write: (chunk) => pieces.write(chunk),
    finish() {
      const missing = pieces.missing(spec.size);
      if (missing) return stop().then(() => Promise.reject(missing));
      body.end();
      return finish();
    },
    close() {
      void stop();
    },
  };
}
