// A modal <dialog>, named by its heading. Escape asks to close (onCancel), unless the dialog
// cannot be left right now (a move in progress): then Escape does nothing.
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

export function ModalDialog({
  onCancel,
  canCancel = true,
  className,
  children,
}: {
  onCancel: () => void;
  canCancel?: boolean;
  className?: string;
  children: (titleId: string) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (canCancel) onCancel();
      }}
    >
      {children(titleId)}
    </dialog>
  );
}
