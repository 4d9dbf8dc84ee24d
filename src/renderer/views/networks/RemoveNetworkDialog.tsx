// Remove a network; the containers still on it are named first (the engine refuses while any is).
import { useMemo, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { NetworkSummary } from '../../../shared/model/network';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { ModalDialog } from '../../components/ModalDialog';
import { ErrorNote, ProgressBar } from '../../components/ResourceParts';
import { useContainers } from '../../stores/react';
import { useNetworks } from '../../stores/resources-react';
import { attachedContainers } from './model';

export function RemoveNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const t = useT();
  const remove = useNetworks((s) => s.remove);
  const byId = useContainers((s) => s.byId);
  const attached = useMemo(() => attachedContainers(network, byId), [network, byId]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);

  const submit = (): void => {
    setSending(true);
    setError(null);
    remove(network.id).then(onClose, (reason: unknown) => {
      setError(errorOf(reason));
      setSending(false);
    });
  };

  return (
    <ModalDialog onCancel={onClose} canCancel={!sending}>
      {(titleId) => (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id={titleId}>{t('networks.removeTitle', { name: network.name })}</h2>
          {attached.length > 0 ? (
            <div className="warn-box" role="alert">
              <p>{t('networks.removeInUse', { count: attached.length, names: attached.map((c) => c.name).join(t('list.separator')) })}</p>
            </div>
          ) : (
            <p className="muted">{t('networks.removeExplain')}</p>
          )}
          {sending ? <ProgressBar value={null} label={t('networks.removing')} text={t('networks.removing')} /> : null}
          {error ? <ErrorNote error={error} prefix={(reason) => t('networks.removeFailed', { reason })} /> : null}
          <div className="dialog-buttons wrap">
            <button type="button" className="button" disabled={sending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button danger primary" disabled={sending || attached.length > 0}>
              {t('action.remove')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
