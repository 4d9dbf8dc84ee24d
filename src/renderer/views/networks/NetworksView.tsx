// The Networks view: every network with its driver and scope (Windows' nat, transparent,
// l2bridge… included), subnets and the containers on it; create, remove, and connect or
// disconnect a container.
import { useCallback, useMemo, useState } from 'react';
import type { NetworkSummary } from '../../../shared/model/network';
import { useT } from '../../i18n/react';
import { ResourceView } from '../../components/ResourceView';
import { useResourceList } from '../../components/ResourceParts';
import { useContainers, useEngine, useStores } from '../../stores/react';
import { networkColumns } from './columns';
import { NetworkContainersDialog } from './NetworkContainersDialog';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { matchesNetwork, offeredDrivers, sortNetworks } from './model';

type Dialog = { kind: 'create' } | { kind: 'containers'; id: string } | { kind: 'remove'; id: string } | null;

export function NetworksView() {
  const t = useT();
  const list = useResourceList(useStores().networks);
  const { items, live } = list;
  const containers = useContainers((s) => s.byId);
  const osType = useEngine((s) => s.snapshot?.info?.osType ?? null);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);

  const all = useMemo(() => sortNetworks(items.values()), [items]);
  const rows = useMemo(() => all.filter((n) => matchesNetwork(n, text)), [all, text]);
  const drivers = useMemo(() => offeredDrivers(osType, all), [osType, all]);

  const onContainers = useCallback((network: NetworkSummary) => setDialog({ kind: 'containers', id: network.id }), []);
  const onRemove = useCallback((network: NetworkSummary) => setDialog({ kind: 'remove', id: network.id }), []);
  const close = useCallback(() => setDialog(null), []);

  const columns = useMemo(() => networkColumns({ containers, t, live, onContainers, onRemove }), [containers, t, live, onContainers, onRemove]);

  const open = dialog && dialog.kind !== 'create' ? items.get(dialog.id) : undefined;

  return (
    <ResourceView
      name="networks"
      title={t('nav.networks')}
      count={t('networks.total', { count: all.length })}
      list={list}
      onCreate={() => setDialog({ kind: 'create' })}
      filter={text}
      onFilter={setText}
      any={all.length > 0}
      columns={columns}
      rows={rows}
      rowKey={(n) => n.id}
      rowLabel={(n) => n.name}
      grid="networks-grid"
    >
      {dialog?.kind === 'create' ? <CreateNetworkDialog drivers={drivers} windows={osType === 'windows'} onClose={close} /> : null}
      {dialog?.kind === 'containers' && open ? <NetworkContainersDialog network={open} onClose={close} /> : null}
      {dialog?.kind === 'remove' && open ? <RemoveNetworkDialog network={open} onClose={close} /> : null}
    </ResourceView>
  );
}
