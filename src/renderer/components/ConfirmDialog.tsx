// A modal that asks one thing and sends it: a heading, what the caller says, a bar while it is on
// its way, the error in plain words when it failed, Cancel and the confirm button. Escape and
// Cancel are refused while sending.
import type { ReactNode } from 'react';
import type { Submit } from './useSubmit';
import { useT } from '../i18n/react';
import { FormDialog, type FormDialogProps } from './FormDialog';
import { ErrorNote, ProgressBar } from './ResourceParts';

export function ConfirmDialog({
  children,
  confirm,
  onConfirm,
  danger = false,
  disabled = false,
  submit,
  sendingText,
  errorPrefix,
  ...form
}: Omit<FormDialogProps, 'onSubmit' | 'canCancel' | 'children'> & {
  children?: ReactNode;
  confirm: ReactNode;
  onConfirm: () => void;
  danger?: boolean;
  disabled?: boolean;
  /** Where the send stands (useSubmit): sending, and the error of the last one. */
  submit: Pick<Submit, 'sending' | 'error'>;
  /** Shown with an indeterminate bar while sending; without it no bar is shown. */
  sendingText?: string;
  errorPrefix?: (reason: string) => string;
}) {
  const t = useT();
  const { sending, error } = submit;
  return (
    <FormDialog {...form} onSubmit={onConfirm} canCancel={!sending}>
      {children}
      {sending && sendingText ? <ProgressBar value={null} label={sendingText} text={sendingText} /> : null}
      {error ? <ErrorNote error={error} {...(errorPrefix ? { prefix: errorPrefix } : {})} /> : null}
      <div className="dialog-buttons wrap">
        <button type="button" className="button" disabled={sending} onClick={form.onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={danger ? 'button danger primary' : 'button primary'} disabled={sending || disabled}>
          {confirm}
        </button>
      </div>
    </FormDialog>
  );
}
