// The Volumes view: every volume with its driver, mountpoint, size where the engine measures it,
// and the containers that use it (a click shows that container in the Containers view); create,
// remove (never one in use without naming its containers), prune with its estimate first.
import { useCallback, useMemo, useState } from 'react';
import type { VolumePruneEstimate, VolumeSummary } from '../../../shared/model/volume';
import { formatBytes } from '../../format/bytes';
import { useNow } from '../../hooks';
import { useLanguage, useT } from '../../i18n/react';
import { ResourceView } from '../../components/ResourceView';
import { useFollowedList } from '../../components/ResourceParts';
import { PruneDialog } from '../../components/PruneDialog';
import { useContainers, useStores, useUi } from '../../stores/react';
import { useVolumes } from '../../stores/resources-react';
import { volumeColumns } from './columns';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { describeVolumePrune, matchesVolume, sortVolumes } from './model';

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

  const columns = useMemo(
    () => volumeColumns({ containers, now, t, language, live, onShowContainer, onRemove }),
    [containers, now, t, language, live, onShowContainer, onRemove],
  );

  const removing = dialog?.kind === 'remove' ? items.get(dialog.name) : undefined;

  return (
    <ResourceView
      name="volumes"
      title={t('nav.volumes')}
      count={t('volumes.total', { count: all.length, inUse })}
      loaded={loaded}
      live={live}
      following={following}
      actions={
        <>
          <button type="button" className="button primary" disabled={!live} onClick={() => setDialog({ kind: 'create' })}>
            {t('volumes.createOpen')}
          </button>
          <button type="button" className="button" disabled={!live} onClick={() => setDialog({ kind: 'prune' })}>
            {t('volumes.prune')}
          </button>
        </>
      }
      filter={text}
      onFilter={setText}
      listError={listError}
      onRetry={() => void load()}
      any={all.length > 0}
      columns={columns}
      rows={rows}
      rowKey={(v) => v.name}
      rowLabel={(v) => v.name}
      grid="volumes-grid"
    >
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
    </ResourceView>
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
