// The Networks view: every network with its driver and scope (Windows' nat, transparent,
// l2bridge… included), subnets and the containers on it; create, remove, and connect or
// disconnect a container.
import { useCallback, useMemo, useState } from 'react';
import type { NetworkSummary } from '../../../shared/model/network';
import { useT } from '../../i18n/react';
import { VirtualTable } from '../../components/VirtualTable';
import { ListError, useFollowedList } from '../../components/ResourceParts';
import { useContainers, useEngine, useStores } from '../../stores/react';
import { useNetworks } from '../../stores/resources-react';
import { NetworkRow } from './NetworkRow';
import { NetworkContainersDialog } from './NetworkContainersDialog';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { matchesNetwork, offeredDrivers, sortNetworks } from './model';

const ROW_HEIGHT = 40;

type Dialog = { kind: 'create' } | { kind: 'containers'; id: string } | { kind: 'remove'; id: string } | null;

export function NetworksView() {
  const t = useT();
  const store = useStores().networks;
  const items = useNetworks((s) => s.items);
  const loaded = useNetworks((s) => s.loaded);
  const following = useNetworks((s) => s.following);
  const listError = useNetworks((s) => s.listError);
  const load = useNetworks((s) => s.load);
  const containers = useContainers((s) => s.byId);
  const osType = useEngine((s) => s.snapshot?.info?.osType ?? null);
  const live = useFollowedList(store, following);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);

  const all = useMemo(() => sortNetworks(items.values()), [items]);
  const rows = useMemo(() => all.filter((n) => matchesNetwork(n, text)), [all, text]);
  const drivers = useMemo(() => offeredDrivers(osType, all), [osType, all]);

  const onContainers = useCallback((network: NetworkSummary) => setDialog({ kind: 'containers', id: network.id }), []);
  const onRemove = useCallback((network: NetworkSummary) => setDialog({ kind: 'remove', id: network.id }), []);
  const close = useCallback(() => setDialog(null), []);

  const renderRow = useCallback(
    (network: NetworkSummary, ariaRowIndex: number) => (
      <NetworkRow network={network} containers={containers} ariaRowIndex={ariaRowIndex} t={t} live={live} onContainers={onContainers} onRemove={onRemove} />
    ),
    [containers, t, live, onContainers, onRemove],
  );

  const header = (
    <div role="row" aria-rowindex={1} className="res-grid networks-grid res-header">
      <div role="columnheader">{t('column.name')}</div>
      <div role="columnheader">{t('networks.column.driver')}</div>
      <div role="columnheader">{t('networks.column.scope')}</div>
      <div role="columnheader">{t('networks.column.subnet')}</div>
      <div role="columnheader">{t('networks.column.containers')}</div>
      <div role="columnheader" className="cell-actions">
        <span className="visually-hidden">{t('column.actions')}</span>
      </div>
    </div>
  );

  const open = dialog && dialog.kind !== 'create' ? items.get(dialog.id) : undefined;
  const empty = !loaded ? t('networks.loading') : all.length === 0 ? t('networks.none') : t('networks.noMatch');

  return (
    <section className="view resource-view" aria-labelledby="networks-title">
      <header className="view-head">
        <h1 id="networks-title">{t('nav.networks')}</h1>
        <span className="muted count-label" aria-live="polite">
          {loaded ? t('networks.total', { count: all.length }) : ''}
        </span>
        {loaded && (!live || !following) ? <span className="stale-note">{t('resources.stale')}</span> : null}
        <div className="view-actions">
          <button type="button" className="button primary" disabled={!live} onClick={() => setDialog({ kind: 'create' })}>
            {t('networks.createOpen')}
          </button>
        </div>
      </header>
      <div className="filter-bar" role="search" aria-label={t('networks.filterLabel')}>
        <input
          type="search"
          className="search"
          value={text}
          placeholder={t('networks.filterPlaceholder')}
          aria-label={t('networks.filter')}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {listError ? <ListError error={listError} onRetry={() => void load()} /> : null}
      <VirtualTable
        rows={rows}
        rowKey={(n) => n.id}
        renderRow={renderRow}
        header={header}
        rowHeight={ROW_HEIGHT}
        label={t('networks.tableLabel')}
        className={live || !loaded ? 'resource-table' : 'resource-table stale'}
        empty={<p className="empty">{empty}</p>}
      />
      {dialog?.kind === 'create' ? <CreateNetworkDialog drivers={drivers} windows={osType === 'windows'} onClose={close} /> : null}
      {dialog?.kind === 'containers' && open ? <NetworkContainersDialog network={open} onClose={close} /> : null}
      {dialog?.kind === 'remove' && open ? <RemoveNetworkDialog network={open} onClose={close} /> : null}
    </section>
  );
}
