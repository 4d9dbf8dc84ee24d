// The Volumes view: every volume with its driver, mountpoint, size where the engine measures it,
// and the containers that use it (a click shows that container in the Containers view); create,
// remove (never one in use without naming its containers), prune with its estimate first.
import { useCallback, useMemo, useState } from 'react';
import type { VolumePruneEstimate, VolumeSummary } from '../../../shared/model/volume';
import { formatBytes } from '../../format/bytes';
import { useNow } from '../../hooks';
import { useLanguage, useT } from '../../i18n/react';
import { VirtualTable } from '../../components/VirtualTable';
import { ListError, useFollowedList } from '../../components/ResourceParts';
import { PruneDialog } from '../../components/PruneDialog';
import { useContainers, useStores, useUi } from '../../stores/react';
import { useVolumes } from '../../stores/resources-react';
import { VolumeRow } from './VolumeRow';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { describeVolumePrune, matchesVolume, sortVolumes } from './model';

const ROW_HEIGHT = 40;

type Dialog = { kind: 'create' } | { kind: 'remove'; name: string } | { kind: 'prune' } | null;

export function VolumesView() {
  const t = useT();
  const language = useLanguage();
  const store = useStores().volumes;
  const items = useVolumes((s) => s.items);
  const loaded = useVolumes((s) => s.loaded);
  const following = useVolumes((s) => s.following);
  const listError = useVolumes((s) => s.listError);
  const load = useVolumes((s) => s.load);
  const pruneEstimate = useVolumes((s) => s.pruneEstimate);
  const prune = useVolumes((s) => s.prune);
  const containers = useContainers((s) => s.byId);
  const setView = useUi((s) => s.setView);
  const clearFilters = useUi((s) => s.clearFilters);
  const setFilter = useUi((s) => s.setFilter);
  const live = useFollowedList(store, following);
  const now = useNow(() => 60_000);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);

  const all = useMemo(() => sortVolumes(items.values()), [items]);
  const rows = useMemo(() => all.filter((v) => matchesVolume(v, text)), [all, text]);
  const drivers = useMemo(() => [...new Set(['local', ...all.map((v) => v.driver)])], [all]);
  const inUse = useMemo(() => all.filter((v) => v.usedBy.length > 0).length, [all]);

  const onShowContainer = useCallback(
    (name: string) => {
      clearFilters();
      setFilter('text', name);
      setView('containers');
    },
    [clearFilters, setFilter, setView],
  );
  const onRemove = useCallback((volume: VolumeSummary) => setDialog({ kind: 'remove', name: volume.name }), []);
  const close = useCallback(() => setDialog(null), []);
  const estimate = useCallback(() => pruneEstimate(), [pruneEstimate]);

  const renderRow = useCallback(
    (volume: VolumeSummary, ariaRowIndex: number) => (
      <VolumeRow
        volume={volume}
        containers={containers}
        ariaRowIndex={ariaRowIndex}
        now={now}
        t={t}
        language={language}
        live={live}
        onShowContainer={onShowContainer}
        onRemove={onRemove}
      />
    ),
    [containers, now, t, language, live, onShowContainer, onRemove],
  );

  const header = (
    <div role="row" aria-rowindex={1} className="res-grid volumes-grid res-header">
      <div role="columnheader">{t('column.name')}</div>
      <div role="columnheader">{t('volumes.column.driver')}</div>
      <div role="columnheader">{t('volumes.column.mountpoint')}</div>
      <div role="columnheader" className="cell-number">
        {t('volumes.column.size')}
      </div>
      <div role="columnheader">{t('volumes.column.usedBy')}</div>
      <div role="columnheader">{t('volumes.column.created')}</div>
      <div role="columnheader" className="cell-actions">
        <span className="visually-hidden">{t('column.actions')}</span>
      </div>
    </div>
  );

  const removing = dialog?.kind === 'remove' ? items.get(dialog.name) : undefined;
  const empty = !loaded ? t('volumes.loading') : all.length === 0 ? t('volumes.none') : t('volumes.noMatch');

  return (
    <section className="view resource-view" aria-labelledby="volumes-title">
      <header className="view-head">
        <h1 id="volumes-title">{t('nav.volumes')}</h1>
        <span className="muted count-label" aria-live="polite">
          {loaded ? t('volumes.total', { count: all.length, inUse }) : ''}
        </span>
        {loaded && (!live || !following) ? <span className="stale-note">{t('resources.stale')}</span> : null}
        <div className="view-actions">
          <button type="button" className="button primary" disabled={!live} onClick={() => setDialog({ kind: 'create' })}>
            {t('volumes.createOpen')}
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => setDialog({ kind: 'prune' })}>
            {t('volumes.prune')}
          </button>
        </div>
      </header>
      <div className="filter-bar" role="search" aria-label={t('volumes.filterLabel')}>
        <input
          type="search"
          className="search"
          value={text}
          placeholder={t('volumes.filterPlaceholder')}
          aria-label={t('volumes.filter')}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {listError ? <ListError error={listError} onRetry={() => void load()} /> : null}
      <VirtualTable
        rows={rows}
        rowKey={(v) => v.name}
        renderRow={renderRow}
        header={header}
        rowHeight={ROW_HEIGHT}
        label={t('volumes.tableLabel')}
        className={live || !loaded ? 'resource-table' : 'resource-table stale'}
        empty={<p className="empty">{empty}</p>}
      />
      {dialog?.kind === 'create' ? <CreateVolumeDialog drivers={drivers} onClose={close} /> : null}
      {removing ? <RemoveVolumeDialog volume={removing} onClose={close} /> : null}
      {dialog?.kind === 'prune' ? (
        <PruneDialog<VolumePruneEstimate>
          title={t('volumes.pruneTitle')}
          estimate={estimate}
          isEmpty={(e) => e.volumes.length === 0}
          renderEstimate={(e) => <VolumePruneList estimate={e} />}
          prune={prune}
          describeResult={(r) => t('volumes.pruned', { count: r.deleted.length, size: formatBytes(r.spaceReclaimed, language) })}
          onClose={close}
        />
      ) : null}
    </section>
  );
}

function VolumePruneList({ estimate }: { estimate: VolumePruneEstimate }) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <p role="status">{describeVolumePrune(estimate, t, language)}</p>
      <p className="note">{t(estimate.anonymousOnly ? 'volumes.pruneExplainAnonymous' : 'volumes.pruneExplain')}</p>
      {estimate.volumes.length > 0 ? (
        <ul className="prune-list">
          {estimate.volumes.map((volume) => (
            <li key={volume.name}>
              <code>{volume.name}</code>
              <span className="muted">{volume.size === null ? t('volumes.sizeUnknownShort') : formatBytes(volume.size, language)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
