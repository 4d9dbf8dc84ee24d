// Remove a volume. While containers use it the dialog names them and removing needs an explicit
// choice to remove those containers first; without it the engine keeps the volume, and if it
// refuses (a container started using it meanwhile) its refusal is shown with the names it gave.
import { useMemo, useState } from 'react';
import type { VolumeSummary } from '../../../shared/model/volume';
import { useT } from '../../i18n/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNote } from '../../components/ResourceParts';
import { useSubmit } from '../../components/useSubmit';
import { useContainers } from '../../stores/react';
import { useVolumes } from '../../stores/resources-react';
import { isContainerState, volumeUsersNow } from './model';

export function RemoveVolumeDialog({ volume, onClose }: { volume: VolumeSummary; onClose: () => void }) {
  const t = useT();
  const remove = useVolumes((s) => s.remove);
  const containers = useContainers((s) => s.byId);
  const users = useMemo(() => volumeUsersNow(volume, containers), [volume, containers]);
  const [force, setForce] = useState(false);
  const { sending, error, run } = useSubmit();
  // The engine's own list of users when it refused: it may know of one Silo's list had not yet.
  const refusedBy = error?.code === 'volume-in-use' ? String(error.params?.['containers'] ?? '') : '';
  const inUse = users.length > 0 || refusedBy !== '';
  const names =
    users.length > 0
      ? users.map((u) => t('volumes.userState', { name: u.name, state: isContainerState(u.state) ? t(`state.${u.state}`) : u.state })).join(t('list.separator'))
      : refusedBy;
  const count = users.length > 0 ? users.length : Number(error?.params?.['count'] ?? 1);

  return (
    <ConfirmDialog
      title={t('volumes.removeTitle', { name: volume.name })}
      confirm={inUse ? t('volumes.removeWithContainers', { count }) : t('action.remove')}
      danger
      disabled={inUse && !force}
      // The engine's refusal over a container in use is told below, with the names it gave.
      submit={{ sending, error: error?.code === 'volume-in-use' ? null : error }}
      sendingText={t('volumes.removing')}
      errorPrefix={(reason) => t('volumes.removeFailed', { reason })}
      onConfirm={() => {
        if (!inUse || force) void run(() => remove(volume.name, inUse && force), onClose);
      }}
      onClose={onClose}
    >
      <p className="muted">{t('volumes.removeExplain')}</p>
      {inUse ? (
        <>
          <div className="warn-box" role="alert">
            <p>{t('volumes.inUseBy', { count, names })}</p>
            <p>{t('volumes.inUseExplain')}</p>
          </div>
          <label className="check">
            <input type="checkbox" checked={force} disabled={sending} onChange={(e) => setForce(e.target.checked)} />
            <span>{t('volumes.force', { count })}</span>
          </label>
          <p className={force ? 'note warn' : 'note'}>{force ? t('volumes.forceOn', { count }) : t('volumes.forceOff')}</p>
        </>
      ) : null}
      {error && error.code === 'volume-in-use' && users.length === 0 ? (
        <ErrorNote error={error} prefix={(reason) => t('volumes.engineRefused', { reason })} role="status" />
      ) : null}
      {inUse && !force ? <p className="note choose-first">{t('volumes.chooseFirst')}</p> : null}
    </ConfirmDialog>
  );
}
