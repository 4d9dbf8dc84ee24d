// Remove a volume. While containers use it the dialog names them and removing needs an explicit
// choice to remove those containers first; without it the engine keeps the volume, and if it
// refuses (a container started using it meanwhile) its refusal is shown with the names it gave.
import { useMemo, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { VolumeSummary } from '../../../shared/model/volume';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { ModalDialog } from '../../components/ModalDialog';
import { ErrorNote, ProgressBar } from '../../components/ResourceParts';
import { useContainers } from '../../stores/react';
import { useVolumes } from '../../stores/resources-react';
import { isContainerState, volumeUsersNow } from './model';

export function RemoveVolumeDialog({ volume, onClose }: { volume: VolumeSummary; onClose: () => void }) {
  const t = useT();
  const remove = useVolumes((s) => s.remove);
  const containers = useContainers((s) => s.byId);
  const users = useMemo(() => volumeUsersNow(volume, containers), [volume, containers]);
  const [force, setForce] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);
  // The engine's own list of users when it refused: it may know of one Silo's list had not yet.
  const refusedBy = error?.code === 'volume-in-use' ? String(error.params?.['containers'] ?? '') : '';
  const inUse = users.length > 0 || refusedBy !== '';
  const names =
    users.length > 0
      ? users.map((u) => t('volumes.userState', { name: u.name, state: isContainerState(u.state) ? t(`state.${u.state}`) : u.state })).join(t('list.separator'))
      : refusedBy;
  const count = users.length > 0 ? users.length : Number(error?.params?.['count'] ?? 1);

  const submit = (): void => {
    if (inUse && !force) return;
    setSending(true);
    setError(null);
    remove(volume.name, inUse && force).then(onClose, (reason: unknown) => {
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
          <h2 id={titleId}>{t('volumes.removeTitle', { name: volume.name })}</h2>
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
          {sending ? <ProgressBar value={null} label={t('volumes.removing')} text={t('volumes.removing')} /> : null}
          {error && error.code !== 'volume-in-use' ? <ErrorNote error={error} prefix={(reason) => t('volumes.removeFailed', { reason })} /> : null}
          {error && error.code === 'volume-in-use' && users.length === 0 ? (
            <ErrorNote error={error} prefix={(reason) => t('volumes.engineRefused', { reason })} role="status" />
          ) : null}
          {inUse && !force ? <p className="note choose-first">{t('volumes.chooseFirst')}</p> : null}
          <div className="dialog-buttons wrap">
            <button type="button" className="button" disabled={sending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button danger primary" disabled={sending || (inUse && !force)}>
              {inUse ? t('volumes.removeWithContainers', { count }) : t('action.remove')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
