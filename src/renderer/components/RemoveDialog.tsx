// Confirms a removal. Removing anonymous volumes and forcing a running container are explicit
// choices, both off until the person ticks them.
import { useState } from 'react';
import type { ContainerSummary } from '../../shared/model/container';
import { isActive } from '../stores/selectors/actions';
import { useT } from '../i18n/react';
import { FormDialog } from './FormDialog';

export interface RemoveChoice {
  removeVolumes: boolean;
  force: boolean;
}

const LISTED = 8;

export function RemoveDialog({
  containers,
  onConfirm,
  onCancel,
}: {
  containers: readonly ContainerSummary[];
  onConfirm: (choice: RemoveChoice) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [force, setForce] = useState(false);
  const active = containers.filter((c) => isActive(c.state)).length;
  const single = containers.length === 1 ? containers[0] : undefined;

  return (
    <FormDialog
      title={single ? t('remove.titleOne', { name: single.name }) : t('remove.titleMany', { count: containers.length })}
      onSubmit={() => onConfirm({ removeVolumes, force: active > 0 && force })}
      onClose={onCancel}
    >
      {single ? null : (
        <ul className="remove-list">
          {containers.slice(0, LISTED).map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
          {containers.length > LISTED ? <li className="muted">{t('remove.andMore', { count: containers.length - LISTED })}</li> : null}
        </ul>
      )}
      <p className="muted">{t('remove.explain')}</p>
      <label className="check">
        <input type="checkbox" checked={removeVolumes} onChange={(e) => setRemoveVolumes(e.target.checked)} />
        <span>{t('remove.volumes')}</span>
      </label>
      {active > 0 ? (
        <>
          <label className="check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            <span>{single ? t('remove.forceOne') : t('remove.forceMany', { count: active })}</span>
          </label>
          <p className={force ? 'note warn' : 'note'}>{force ? t('remove.forceOn') : t('remove.forceOff')}</p>
        </>
      ) : null}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button danger primary" autoFocus={false}>
          {t('action.remove')}
        </button>
      </div>
    </FormDialog>
  );
}
