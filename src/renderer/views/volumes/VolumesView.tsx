// The Volumes view: every volume with its driver, mountpoint, size where the engine measures it,
// and the containers that use it (a click shows that container in the Containers view); create,
// remove (never one in use without naming its containers), prune with its estimate first, and
// each volume's files (VolumeFilesDialog).
import { useCallback, useMemo, useState } from 'react';
import type { VolumeSummary } from '../../../shared/model/volume';
import { useNow } from '../../hooks';
import { useLanguage, useT } from '../../i18n/react';
import { ResourceView } from '../../components/ResourceView';
import { useResourceList } from '../../components/ResourceParts';
import { useContainers, useStores, useUi } from '../../stores/react';
import { useVolumes } from '../../stores/resources-react';
import { volumeColumns, volumePrune } from './columns';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { VolumeFilesDialog } from './VolumeFilesDialog';
import { matchesVolume, sortVolumes } from './model';

type Dialog = { kind: 'create' } | { kind: 'remove'; name: string } | { kind: 'files'; name: string } | null;

export function VolumesView() {
  const t = useT();
  const language = useLanguage();
  const list = useResourceList(useStores().volumes);
  const pruneEstimate = useVolumes((s) => s.pruneEstimate);
  const prune = useVolumes((s) => s.prune);
  const containers = useContainers((s) => s.byId);
  const setView = useUi((s) => s.setView);
  const clearFilters = useUi((s) => s.clearFilters);
  const setFilter = useUi((s) => s.setFilter);
  const now = useNow(() => 60_000);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const { items, live } = list;

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
  const onFiles = useCallback((volume: VolumeSummary) => setDialog({ kind: 'files', name: volume.name }), []);
  const close = useCallback(() => setDialog(null), []);
  const columns = useMemo(
    () => volumeColumns({ containers, now, t, language, live, onShowContainer, onRemove, onFiles }),
    [containers, now, t, language, live, onShowContainer, onRemove, onFiles],
  );
  const pruneSpec = useMemo(() => volumePrune(pruneEstimate, prune, t, language), [pruneEstimate, prune, t, language]);
  const removing = dialog?.kind === 'remove' ? items.get(dialog.name) : undefined;

  return (
    <ResourceView
      name="volumes"
      title={t('nav.volumes')}
      count={t('volumes.total', { count: all.length, inUse })}
      list={list}
      onCreate={() => setDialog({ kind: 'create' })}
      prune={pruneSpec}
      filter={text}
      onFilter={setText}
      any={all.length > 0}
      columns={columns}
      rows={rows}
      rowKey={(v) => v.name}
      rowLabel={(v) => v.name}
      grid="volumes-grid"
    >
      {dialog?.kind === 'create' ? <CreateVolumeDialog drivers={drivers} onClose={close} /> : null}
      {removing ? <RemoveVolumeDialog volume={removing} onClose={close} /> : null}
      {dialog?.kind === 'files' ? <VolumeFilesDialog volume={dialog.name} live={live} onClose={close} /> : null}
    </ResourceView>
  );
}
