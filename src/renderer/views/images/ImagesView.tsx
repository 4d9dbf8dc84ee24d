// The Images view: every local image with its size, age and platform (OsVersion for Windows
// images), filtered as typed; its layers; pull, load or import, registry logins, remove, prune; Run opens the
// create form with the image chosen. Fed by one list, then the engine's events.
import { useCallback, useMemo, useState } from 'react';
import { formatBytes } from '../../format/bytes';
import { useNow } from '../../hooks';
import { useLanguage, useT } from '../../i18n/react';
import { ResourceView } from '../../components/ResourceView';
import { useResourceList } from '../../components/ResourceParts';
import { useIsolation, useStores } from '../../stores/react';
import { useImages } from '../../stores/resources-react';
import { imageColumns, imagePrune } from './columns';
import { LayersDialog } from './LayersDialog';
import { PullDialog } from './PullDialog';
import { ImportDialog } from './ImportDialog';
import { RegistriesDialog } from './RegistriesDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { WorkStrips } from './WorkStrips';
import { imageRows, rowName, rowReference, type ImageRowItem } from './model';

type Dialog =
  { kind: 'layers'; row: ImageRowItem } | { kind: 'remove'; row: ImageRowItem } | { kind: 'pull' } | { kind: 'import' } | { kind: 'registries' } | null;

export function ImagesView() {
  const t = useT();
  const language = useLanguage();
  const list = useResourceList(useStores().images);
  const pruneEstimate = useImages((s) => s.pruneEstimate);
  const prune = useImages((s) => s.prune);
  const openCreate = useIsolation((s) => s.openCreateWith);
  const now = useNow(() => 60_000);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const { items, live } = list;

  const all = useMemo(() => [...items.values()], [items]);
  const rows = useMemo(() => imageRows(all, text), [all, text]);
  const allRows = useMemo(() => (text.trim() ? imageRows(all) : rows).length, [all, rows, text]);
  const totalSize = useMemo(() => all.reduce((sum, i) => sum + i.size, 0), [all]);

  const onLayers = useCallback((row: ImageRowItem) => setDialog({ kind: 'layers', row }), []);
  const onRemove = useCallback((row: ImageRowItem) => setDialog({ kind: 'remove', row }), []);
  const onRun = useCallback((row: ImageRowItem) => openCreate(rowReference(row)), [openCreate]);
  const close = useCallback(() => setDialog(null), []);
  const columns = useMemo(() => imageColumns({ now, t, language, live, onLayers, onRun, onRemove }), [now, t, language, live, onLayers, onRun, onRemove]);
  const pruneSpec = useMemo(() => imagePrune(pruneEstimate, prune, t, language), [pruneEstimate, prune, t, language]);

  return (
    <ResourceView
      name="images"
      title={t('nav.images')}
      count={t('images.total', { count: all.length, size: formatBytes(totalSize, language) })}
      list={list}
      actions={
        <>
          <button type="button" className="button primary" disabled={!live} onClick={() => setDialog({ kind: 'pull' })}>
            {t('images.pull')}
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => setDialog({ kind: 'import' })}>
            {t('images.import')}
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => setDialog({ kind: 'registries' })}>
            {t('images.registries')}
          </button>
        </>
      }
      prune={pruneSpec}
      filter={text}
      onFilter={setText}
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
      {dialog?.kind === 'registries' ? <RegistriesDialog onClose={close} /> : null}
    </ResourceView>
  );
}
