// The containers on a network, each with Disconnect, and a picker of the others to connect.
import { useId, useMemo, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { NetworkSummary } from '../../../shared/model/network';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { InfoDialog } from '../../components/InfoDialog';
import { ErrorNote } from '../../components/ResourceParts';
import { useContainers } from '../../stores/react';
import { useNetworks } from '../../stores/resources-react';
import { attachedContainers, connectableContainers, isFixedMode } from './model';

export function NetworkContainersDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const byId = useContainers((s) => s.byId);
  const networks = useNetworks((s) => s.items);
  const connect = useNetworks((s) => s.connect);
  const disconnect = useNetworks((s) => s.disconnect);
  const attached = useMemo(() => attachedContainers(network, byId), [network, byId]);
  const candidates = useMemo(() => connectableContainers(network, byId.values(), networks.values()), [network, byId, networks]);
  const fixed = isFixedMode(network);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ action: 'connect' | 'disconnect'; name: string; error: SiloError } | null>(null);
  const pick = candidates.some((c) => c.id === chosen) ? chosen : '';

  const run = (action: 'connect' | 'disconnect', containerId: string, name: string): void => {
    setBusy(containerId);
    setError(null);
    (action === 'connect' ? connect(network.id, containerId) : disconnect(network.id, containerId)).then(
      () => {
        setBusy(null);
        if (action === 'connect') setChosen('');
      },
      (reason: unknown) => {
        setBusy(null);
        setError({ action, name, error: errorOf(reason) });
      },
    );
  };

  return (
    <InfoDialog className="wide-dialog" title={t('networks.containersTitle', { name: network.name })} onClose={onClose}>
      <p className="muted">{fixed ? t('networks.fixedExplain', { name: network.name }) : t('networks.containersExplain', { driver: network.driver })}</p>
      {attached.length === 0 ? (
        <p className="muted">{t('networks.noContainers')}</p>
      ) : (
        <ul className="attached-list" aria-label={t('networks.attachedLabel', { name: network.name })}>
          {attached.map((c) => (
            <li key={c.id} aria-label={c.name}>
              <span className="name">{c.name}</span>
              <code className="muted">{[c.ipv4, c.ipv6].filter(Boolean).join(t('list.separator'))}</code>
              <span className="spacer" />
              {fixed ? null : (
                <button
                  type="button"
                  className="button small"
                  aria-label={t('networks.disconnectOf', { name: c.name })}
                  disabled={busy !== null}
                  onClick={() => run('disconnect', c.id, c.name)}
                >
                  {busy === c.id ? t('networks.disconnecting') : t('networks.disconnect')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {fixed ? null : (
        <form
          className="connect-row"
          onSubmit={(event) => {
            event.preventDefault();
            const c = candidates.find((x) => x.id === pick);
            if (c) run('connect', c.id, c.name);
          }}
        >
          <label htmlFor={`${id}-pick`}>{t('networks.pickContainer')}</label>
          <select id={`${id}-pick`} value={pick} disabled={busy !== null || candidates.length === 0} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{candidates.length === 0 ? t('networks.noCandidates') : t('networks.choose')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {t('networks.candidate', { name: c.name, state: t(`state.${c.state}`) })}
              </option>
            ))}
          </select>
          <button type="submit" className="button primary" disabled={busy !== null || pick === ''}>
            {busy !== null && busy === pick ? t('networks.connecting') : t('networks.connectSubmit')}
          </button>
        </form>
      )}
      {error ? <ErrorNote error={error.error} prefix={(reason) => t(`networks.${error.action}Failed`, { name: error.name, reason })} /> : null}
    </InfoDialog>
  );
}
