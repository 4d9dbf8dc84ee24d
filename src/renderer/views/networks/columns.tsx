// The networks table's columns: name, driver, scope, subnets, the containers on it, actions.
import type { ContainerSummary } from '../../../shared/model/container';
import type { NetworkSummary } from '../../../shared/model/network';
import { nameColumn, RowButton, type Column, type ColumnsContext } from '../../components/ResourceTable';
import { attachedContainers, isFixedMode } from './model';

const SHOWN = 3;

export interface NetworkColumnsContext extends ColumnsContext {
  containers: ReadonlyMap<string, ContainerSummary>;
  onContainers: (network: NetworkSummary) => void;
  onRemove: (network: NetworkSummary) => void;
}

export function networkColumns({ containers, t, live, onContainers, onRemove }: NetworkColumnsContext): Column<NetworkSummary>[] {
  const names = (n: NetworkSummary): string[] => attachedContainers(n, containers).map((c) => c.name);
  return [
    nameColumn(
      t,
      (n) => n.name,
      (n) => n.id,
      (n) => (
        <>
          {n.builtIn ? <span className="tag">{t('networks.builtIn')}</span> : null}
          {n.internal ? <span className="tag">{t('networks.internal')}</span> : null}
        </>
      ),
    ),
    { key: 'driver', header: t('networks.column.driver'), className: 'cell-mono', compare: (a, b) => a.driver.localeCompare(b.driver), cell: (n) => n.driver },
    { key: 'scope', header: t('networks.column.scope'), compare: (a, b) => a.scope.localeCompare(b.scope), cell: (n) => n.scope },
    {
      key: 'subnet',
      header: t('networks.column.subnet'),
      className: 'cell-mono',
      title: (n) => [...n.subnets, ...n.gateways.map((g) => t('networks.gatewayIs', { gateway: g }))].join('\n'),
      cell: (n) => n.subnets.join(t('list.separator')),
    },
    {
      key: 'containers',
      header: t('networks.column.containers'),
      className: 'cell-users',
      title: (n) => names(n).join('\n'),
      compare: (a, b) => a.containers.length - b.containers.length,
      cell: (n) => {
        const shown = names(n);
        const hidden = shown.length - SHOWN;
        return (
          <>
            {shown.length === 0 ? <span className="muted">{t('networks.noContainers')}</span> : <span>{shown.slice(0, SHOWN).join(t('list.separator'))}</span>}
            {hidden > 0 ? <span className="tag">{t('volumes.moreUsers', { count: hidden })}</span> : null}
          </>
        );
      },
    },
    {
      key: 'actions',
      header: null,
      className: 'cell-actions',
      cell: (n) => (
        <>
          <RowButton
            label={isFixedMode(n) ? t('networks.attachedLabel', { name: n.name }) : t('networks.containersOf', { name: n.name })}
            title={isFixedMode(n) ? t('networks.fixedExplain', { name: n.name }) : t('networks.containersOf', { name: n.name })}
            disabled={!live}
            onClick={() => onContainers(n)}
          >
            {t('networks.connect')}
          </RowButton>
          <RowButton
            label={t('networks.removeOf', { name: n.name })}
            title={n.builtIn ? t('error.network-predefined') : t('networks.removeOf', { name: n.name })}
            danger
            disabled={!live || n.builtIn}
            onClick={() => onRemove(n)}
          >
            {t('action.remove')}
          </RowButton>
        </>
      ),
    },
  ];
}
