// One row of the networks table: name, driver, scope, subnets, the containers on it, actions.
import { memo } from 'react';
import type { ContainerSummary } from '../../../shared/model/container';
import type { NetworkSummary } from '../../../shared/model/network';
import type { Translate } from '../../i18n';
import { attachedContainers, isFixedMode } from './model';

const SHOWN = 3;

export interface NetworkRowProps {
  network: NetworkSummary;
  containers: ReadonlyMap<string, ContainerSummary>;
  ariaRowIndex: number;
  t: Translate;
  live: boolean;
  onContainers: (network: NetworkSummary) => void;
  onRemove: (network: NetworkSummary) => void;
}

export const NetworkRow = memo(function NetworkRow({ network, containers, ariaRowIndex, t, live, onContainers, onRemove }: NetworkRowProps) {
  const attached = attachedContainers(network, containers);
  const names = attached.map((c) => c.name);
  const hidden = names.length - SHOWN;
  const subnets = network.subnets.join(t('list.separator'));
  return (
    <div role="row" aria-rowindex={ariaRowIndex} aria-label={network.name} className="res-grid networks-grid res-row">
      <div role="cell" className="cell-name" title={network.id}>
        <span className="name">{network.name}</span>
        {network.builtIn ? <span className="tag">{t('networks.builtIn')}</span> : null}
        {network.internal ? <span className="tag">{t('networks.internal')}</span> : null}
      </div>
      <div role="cell" className="cell-mono">
        {network.driver}
      </div>
      <div role="cell">{network.scope}</div>
      <div role="cell" className="cell-mono" title={[...network.subnets, ...network.gateways.map((g) => t('networks.gatewayIs', { gateway: g }))].join('\n')}>
        {subnets}
      </div>
      <div role="cell" className="cell-users" title={names.join('\n')}>
        {names.length === 0 ? <span className="muted">{t('networks.noContainers')}</span> : <span>{names.slice(0, SHOWN).join(t('list.separator'))}</span>}
        {hidden > 0 ? <span className="tag">{t('volumes.moreUsers', { count: hidden })}</span> : null}
      </div>
      <div role="cell" className="cell-actions">
        <button
          type="button"
          className="button small"
          aria-label={isFixedMode(network) ? t('networks.attachedLabel', { name: network.name }) : t('networks.containersOf', { name: network.name })}
          title={isFixedMode(network) ? t('networks.fixedExplain', { name: network.name }) : t('networks.containersOf', { name: network.name })}
          disabled={!live}
          onClick={() => onContainers(network)}
        >
          {t('networks.connect')}
        </button>
        <button
          type="button"
          className="button small danger"
          aria-label={t('networks.removeOf', { name: network.name })}
          title={network.builtIn ? t('error.network-predefined') : t('networks.removeOf', { name: network.name })}
          disabled={!live || network.builtIn}
          onClick={() => onRemove(network)}
        >
          {t('action.remove')}
        </button>
      </div>
    </div>
  );
});
