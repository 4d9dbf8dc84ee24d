// A volume's files: the folder shown with its breadcrumb, its entries in a virtual table (folders
// of 10,000 files scroll as smoothly as ten), a text file's first MiB, a file or folder saved, and
// the whole volume exported as .tar or .tar.gz with its progress (bytes and files) and Cancel; a
// tar imported, the volume cloned (VolumeTransfers).
// Says which image the helper container was made from, and warns when running containers use the
// volume (a live database's files may be caught mid-write).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { VolumeEntry } from '../../../shared/model/volume-files';
import { formatBytes } from '../../format/bytes';
import { useLanguage, useT } from '../../i18n/react';
import { InfoDialog } from '../../components/InfoDialog';
import { ErrorNote } from '../../components/ResourceParts';
import { ResourceTable } from '../../components/ResourceTable';
import { useStores } from '../../stores/react';
import { useVolumeFiles } from '../../stores/resources-react';
import { fileColumns } from './files-columns';
import { breadcrumb, childPath, shownName } from './files-model';
import { saveBytes } from '../../components/save-file';
import { VolumeTransfers } from './VolumeTransfers';

export function VolumeFilesDialog({ volume, live, onClose }: { volume: string; live: boolean; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const store = useStores().volumeFiles;
  const listing = useVolumeFiles((s) => s.listing);
  const preview = useVolumeFiles((s) => s.preview);
  const save = useVolumeFiles((s) => s.save);
  const [gzip, setGzip] = useState(true);

  useEffect(() => {
    store.getState().open(volume);
    return () => store.getState().close();
  }, [store, volume]);

  const shown = listing.state === 'done' ? listing.value : null;
  const folder = shown?.path ?? '';
  const busy = save?.phase === 'running';
  const onOpen = useCallback(
    (entry: VolumeEntry) => {
      const path = childPath(folder, entry.name);
      // A file or a hard link (the engine's tar of a single path holds it as a file).
      if (entry.type === 'folder') void store.getState().browse(path);
      else void store.getState().read(path);
    },
    [store, folder],
  );
  const onDownload = useCallback((entry: VolumeEntry) => void store.getState().download(childPath(folder, entry.name), false, saveBytes), [store, folder]);
  const columns = useMemo(() => fileColumns({ t, language, live, folder, onOpen, onDownload, busy }), [t, language, live, folder, onOpen, onDownload, busy]);

  return (
    <InfoDialog className="wide-dialog volume-files-dialog" title={t('volumeFiles.title', { name: volume })} onClose={onClose}>
      <nav aria-label={t('volumeFiles.breadcrumb')} className="volume-crumbs">
        {breadcrumb(volume, folder).map((crumb, i, all) => (
          <span key={crumb.path}>
            {i > 0 ? <span aria-hidden="true"> / </span> : null}
            <button
              type="button"
              className="link-button"
              aria-current={i === all.length - 1 ? 'location' : undefined}
              onClick={() => void store.getState().browse(crumb.path)}
            >
              {shownName(crumb.name)}
            </button>
          </span>
        ))}
      </nav>
      {shown && shown.liveUsers.length > 0 ? (
        <p className="warn-box" role="note">
          {t('volumeFiles.liveUsers', { count: shown.liveUsers.length, names: shown.liveUsers.join(t('list.separator')) })}
        </p>
      ) : null}
      <div className="volume-export">
        <label>
          <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.target.checked)} /> {t('volumeFiles.gzip')}
        </label>
        <button type="button" className="button" disabled={!live || busy} onClick={() => void store.getState().download('', gzip, saveBytes)}>
          {t('volumeFiles.export')}
        </button>
      </div>
      <VolumeTransfers
        volume={volume}
        live={live}
        holdsFiles={shown !== null && (shown.path !== '' || shown.entries.length > 0)}
        onDone={() => void store.getState().browse('')}
      />
      {save ? (
        <div className="volume-save" role="status" aria-label={t('volumeFiles.saveStatus')}>
          {save.phase === 'running' && save.size ? <progress max={save.size} value={save.bytes} /> : save.phase === 'running' ? <progress /> : null}
          <span>
            {t(`volumeFiles.save.${save.phase}` as const, {
              name: save.fileName || shownName(save.path || volume),
              bytes: formatBytes(save.bytes, language),
              files: save.files,
            })}
          </span>
          {save.phase === 'running' ? (
            <button type="button" className="button" onClick={() => store.getState().cancelSave()}>
              {t('common.cancel')}
            </button>
          ) : null}
          {save.error ? <ErrorNote error={save.error} /> : null}
        </div>
      ) : null}
      {listing.state === 'loading' || listing.state === 'idle' ? (
        <p className="muted" role="status">
          {t('volumeFiles.loading')}
        </p>
      ) : null}
      {listing.state === 'failed' ? <ErrorNote error={listing.error} /> : null}
      {shown ? (
        <>
          <p className="muted">{t('volumeFiles.summary', { count: shown.entries.length, image: shown.helperImage })}</p>
          <div className="volume-files-table">
            <ResourceTable
              columns={columns}
              rows={shown.entries}
              rowKey={(e) => e.name}
              rowLabel={(e) => e.name}
              grid="volume-files-grid"
              label={t('volumeFiles.tableLabel', { path: folder || '/' })}
              stale={false}
              empty={t('volumeFiles.empty')}
              rowHeight={32}
            />
          </div>
        </>
      ) : null}
      {preview.state === 'loading' ? <p className="muted">{t('volumeFiles.reading')}</p> : null}
      {preview.state === 'failed' ? <ErrorNote error={preview.error} /> : null}
      {preview.state === 'done' ? (
        <section aria-label={t('volumeFiles.previewOf', { name: preview.value.path })} className="volume-preview">
          <p className="muted">
            {preview.value.binary
              ? t('volumeFiles.binary', { size: formatBytes(preview.value.size, language) })
              : preview.value.truncated
                ? t('volumeFiles.truncated', { size: formatBytes(preview.value.size, language) })
                : formatBytes(preview.value.size, language)}
          </p>
          {preview.value.binary ? null : <pre className="volume-preview-text">{preview.value.text}</pre>}
          <button type="button" className="button" onClick={() => store.getState().closePreview()}>
            {t('volumeFiles.closePreview')}
          </button>
        </section>
      ) : null}
    </InfoDialog>
  );
}
