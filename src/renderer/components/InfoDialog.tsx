// A modal that shows something and is closed, asking nothing: its heading, what the caller puts
// in it, and Close.
import type { ReactNode } from 'react';
import { useT } from '../i18n/react';
import { ModalDialog } from './ModalDialog';

export function InfoDialog({ title, className, onClose, children }: { title: ReactNode; className?: string; onClose: () => void; children: ReactNode }) {
  const t = useT();
  return (
    <ModalDialog onCancel={onClose} {...(className ? { className } : {})}>
      {(titleId) => (
        <div className="dialog-stack">
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={onClose}>
              {t('resources.close')}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
