// A modal whose body is one form: the heading names the dialog, Enter submits (the page's own
// handler, never a navigation), Escape asks to close unless `canCancel` is false (sending).
import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

export interface FormDialogProps {
  title: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  canCancel?: boolean;
  className?: string;
  noValidate?: boolean;
  children: ReactNode;
}

export function FormDialog({ title, onSubmit, onClose, canCancel = true, className, noValidate, children }: FormDialogProps) {
  return (
    <ModalDialog onCancel={onClose} canCancel={canCancel} {...(className ? { className } : {})}>
      {(titleId) => (
        <form
          method="dialog"
          noValidate={noValidate}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <h2 id={titleId}>{title}</h2>
          {children}
        </form>
      )}
    </ModalDialog>
  );
}
