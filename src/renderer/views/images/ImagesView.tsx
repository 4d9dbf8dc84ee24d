// The Images view: every local image with its size, age and platform (OsVersion for Windows
// images), filtered as typed; its layers; pull, load or import, remove, prune; Run opens the
// create form with the image chosen. Fed by one list, then the engine's events.
import { useCallback, useMemo, useState } from 'react';
import type { ImagePruneEstimate } from '../../../shared/model/image-list';
import { formatBytes, fraction } from '../../format/bytes';
import { useNow } from '../../hooks';
import { useLanguage, useT } from '../../i18n/react';
import { ResourceView } from '../../components/ResourceView';
import { ProgressBar, useFollowedList } from '../../components/ResourceParts';
import { PruneDialog } from '../../components/PruneDialog';
import { useIsolation, useStores } from '../../stores/react';
import { useImages } from '../../stores/resources-react';
import { imageColumns } from './columns';
import { LayersDialog } from './LayersDialog';
import { PullDialog } from './PullDialog';
import { ImportDialog } from './ImportDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { describeImagePrune, describePull, imageRows, pullFraction, rowName, rowReference, shortId, type ImageRowItem } from './model';

type Dialog = { kind: 'layers'; row: ImageRowItem } | { kind: 'remove'; row: ImageRowItem } | { kind: 'pull' } | { kind: 'import' } | { kind: 'prune' } | null;

export function ImagesView() {
  const t = useT();
  const language = useLanguage();
  const store = useStores().images;
  const items = useImages((s) => s.items);
  const loaded = useImages((s) => s.loaded);
  const following = useImages((s) => s.following);
  const listError = useImages((s) => s.listError);
  const load = useImages((s) => s.load);
  const pruneEstimate = useImages((s) => s.pruneEstimate);
  const prune = useImages((s) => s.prune);
  const openCreate = useIsolation((s) => s.openCreateWith);
  const live = useFollowedList(store, following);
  const now = useNow(() => 60_000);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);

  const all = useMemo(() => [...items.values()], [items]);
  const rows = useMemo(() => imageRows(all, text), [all, text]);
  const allRows = useMemo(() => (text.trim() ? imageRows(all) : rows).length, [all, rows, text]);
  const totalSize = useMemo(() => all.reduce((sum, i) => sum + i.size, 0), [all]);

  const onLayers = useCallback((row: ImageRowItem) => setDialog({ kind: 'layers', row }), []);
  const onRemove = useCallback((row: ImageRowItem) => setDialog({ kind: 'remove', row }), []);
  const onRun = useCallback((row: ImageRowItem) => openCreate(rowReference(row)), [openCreate]);
  const close = useCallback(() => setDialog(null), []);

  const columns = useMemo(() => imageColumns({ now, t, language, live, onLayers, onRun, onRemove }), [now, t, language, live, onLayers, onRun, onRemove]);
  const estimate = useCallback(() => pruneEstimate(), [pruneEstimate]);

  return (
    <ResourceView
      name="images"
      title={t('nav.images')}
      count={t('images.total', { count: all.length, size: formatBytes(totalSize, language) })}
      loaded={loaded}
      live={live}
      following={following}
      actions={
        <>
          <button type="button" className="button primary" disabled={!live} onClick={() => setDialog({ kind: 'pull' })}>
            {t('images.pull')}
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => setDialog({ kind: 'import' })}>
            {t('images.import')}
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => setDialog({ kind: 'prune' })}>
            {t('images.prune')}
          </button>
        </>
      }
      filter={text}
      onFilter={setText}
      listError={listError}
      onRetry={() => void load()}
      any={allRows > 0}
      above={<WorkStrips showPull={dialog?.kind !== 'pull'} showUpload={dialog?.kind !== 'import'} onShow={(kind) => setDialog({ kind })} />}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
      rowLabel={rowName}
      grid="images-grid"
    >
      {dialog?.kind === 'layers' ? <LayersDialog image={dialog.row.image} name={rowName(dialog.row)} onClose={close} /> : null}
      {dialog?.kind === 'remove' ? <RemoveImageDialog row={dialog.row} onClose={close} /> : null}
      {dialog?.kind === 'pull' ? <PullDialog onClose={close} /> : null}
      {dialog?.kind === 'import' ? <ImportDialog onClose={close} /> : null}
      {dialog?.kind === 'prune' ? (
        <PruneDialog<ImagePruneEstimate>
          title={t('images.pruneTitle')}
          estimate={estimate}
          isEmpty={(e) => e.images.length === 0}
          renderEstimate={(e) => <ImagePruneList estimate={e} />}
          prune={prune}
          describeResult={(r) => t('images.pruned', { count: r.deleted.length, size: formatBytes(r.spaceReclaimed, language) })}
          onClose={close}
        />
      ) : null}
    </ResourceView>
  );
}

function ImagePruneList({ estimate }: { estimate: ImagePruneEstimate }) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <p role="status">{describeImagePrune(estimate, t, language)}</p>
      <p className="note">{t('images.pruneExplain')}</p>
      {estimate.images.length > 0 ? (
        <ul className="prune-list">
          {estimate.images.map((image) => (
            <li key={image.id}>
              <code>{shortId(image.id)}</code>
              <span className="muted">{formatBytes(image.size, language)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** A pull or an upload under way (or just ended) while its dialog is closed: one line each, with its bar. */
function WorkStrips({ showPull, showUpload, onShow }: { showPull: boolean; showUpload: boolean; onShow: (kind: 'pull' | 'import') => void }) {
  const t = useT();
  const language = useLanguage();
  const pull = useImages((s) => s.pull);
  const cancelPull = useImages((s) => s.cancelPull);
  const clearPull = useImages((s) => s.clearPull);
  const upload = useImages((s) => s.upload);
  const cancelUpload = useImages((s) => s.cancelUpload);
  const clearUpload = useImages((s) => s.clearUpload);
  const pullShown = showPull && pull !== null;
  const uploadShown = showUpload && upload !== null;
  if (!pullShown && !uploadShown) return null;
  const pullActive = pull !== null && (pull.phase === 'starting' || pull.phase === 'running');
  const uploadActive = upload !== null && (upload.phase === 'starting' || upload.phase === 'running' || upload.phase === 'finishing');
  return (
    <div className="work-strips">
      {pullShown ? (
        <div className={`work-strip phase-${pull.phase}`}>
          <span className="work-title">{t(`pull.strip.${pull.phase}`, { reference: pull.reference })}</span>
          {pullActive ? (
            <ProgressBar
              value={pull.progress ? pullFraction(pull.progress) : null}
              label={t('pull.progressLabel', { reference: pull.reference })}
              text={pull.progress ? describePull(pull.progress, t, language) : undefined}
            />
          ) : null}
          <span className="spacer" />
          <button type="button" className="link-button" onClick={() => onShow('pull')}>
            {t('resources.show')}
          </button>
          {pullActive ? (
            <button type="button" className="link-button" onClick={() => void cancelPull()}>
              {t('pull.cancel')}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={clearPull}>
              {t('common.dismiss')}
            </button>
          )}
        </div>
      ) : null}
      {uploadShown ? (
        <div className={`work-strip phase-${upload.phase}`}>
          <span className="work-title">
            {upload.phase === 'done'
              ? t(`upload.stripDone.${upload.mode}`, { file: upload.fileName })
              : t(`upload.strip.${upload.phase}`, { file: upload.fileName })}
          </span>
          {uploadActive ? (
            <ProgressBar
              value={upload.phase === 'finishing' ? null : fraction(upload.sent, upload.size)}
              label={t('upload.progressLabel', { file: upload.fileName })}
              text={t('upload.sent', { done: formatBytes(upload.sent, language), total: formatBytes(upload.size, language) })}
            />
          ) : null}
          <span className="spacer" />
          <button type="button" className="link-button" onClick={() => onShow('import')}>
            {t('resources.show')}
          </button>
          {uploadActive ? (
            <button type="button" className="link-button" onClick={() => void cancelUpload()}>
              {t('upload.cancel')}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={clearUpload}>
              {t('common.dismiss')}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
