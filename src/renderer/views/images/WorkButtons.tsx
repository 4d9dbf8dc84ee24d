// The buttons of a dialog that starts work which goes on when it closes (a pull, an upload):
// while it runs, that it goes on and its Cancel; Close always; the caller's submit button.
import type { ReactNode } from 'react';
import { useT } from '../../i18n/react';

export function WorkButtons({
  work,
  active,
  onCancelWork,
  onClose,
  submit,
}: {
  work: 'pull' | 'upload';
  active: boolean;
  onCancelWork: () => void;
  onClose: () => void;
  submit: ReactNode;
}) {
  const t = useT();
  return (
    <div className="dialog-buttons wrap">
      {active ? <span className="confirm-hint muted">{t(`${work}.goesOn`)}</span> : null}
      {active ? (
        <button type="button" className="button danger" onClick={onCancelWork}>
          {t(`${work}.cancel`)}
        </button>
      ) : null}
      <button type="button" className="button" onClick={onClose}>
        {t('resources.close')}
      </button>
      {submit}
    </div>
  );
}
