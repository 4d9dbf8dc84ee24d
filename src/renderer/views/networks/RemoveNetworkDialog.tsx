// Remove a network; the containers still on it are named first (the engine refuses while any is).
import { useMemo } from 'react';
import type { NetworkSummary } from '../../../shared/model/network';
import { useT } from '../../i18n/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSubmit } from '../../components/useSubmit';
import { useContainers } from '../../stores/react';
import { useNetworks } from '../../stores/resources-react';
import { attachedContainers } from './model';

export function RemoveNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const t = useT();
  const remove = useNetworks((s) => s.remove);
  const byId = useContainers((s) => s.byId);
  const attached = useMemo(() => attachedContainers(network, byId), [network, byId]);
  const submit = useSubmit();
  const { run } = submit;

  return (
    <ConfirmDialog
      title={t('networks.removeTitle', { name: network.name })}
      confirm={t('action.remove')}
      danger
      disabled={attached.length > 0}
      submit={submit}
      sendingText={t('networks.removing')}
      errorPrefix={(reason) => t('networks.removeFailed', { reason })}
      onConfirm={() => void run(() => remove(network.id), onClose)}
      onClose={onClose}
    >
      {attached.length > 0 ? (
        <div className="warn-box" role="alert">
          <p>{t('networks.removeInUse', { count: attached.length, names: attached.map((c) => c.name).join(t('list.separator')) })}</p>
        </div>
      ) : (
        <p className="muted">{t('networks.removeExplain')}</p>
      )}
    </ConfirmDialog>
  );
}
