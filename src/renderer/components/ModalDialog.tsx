// A modal <dialog>, named by its heading (the WAI-ARIA dialog pattern: focus is trapped inside by
// showModal). It opens on its first field, else its safest button (never a danger or confirm
// button), or a control marked `data-autofocus`; when it closes, focus goes back to what opened it
// (or, when that is gone, to the view's heading), never to <body>. Escape asks to close
// (onCancel), unless the dialog cannot be left right now (a move in progress).
import type { ReactNode } from 'react';
import { useId, useLayoutEffect, useRef } from 'react';

// A field to type in or choose from; a checkbox or a radio is an answer, not where a dialog starts
// (a confirmation opens on Cancel, never on "also remove the volumes").
const FIELD = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/** Where a dialog opens: a marked control, its first field, its safest button (not danger, not the confirm), else itself. */
export function initialFocus(dialog: HTMLElement): HTMLElement {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  const field = dialog.querySelector<HTMLElement>(FIELD);
  if (field) return field;
  const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  return buttons.find((b) => !b.classList.contains('danger') && !b.classList.contains('primary') && b.type !== 'submit') ?? buttons[0] ?? dialog;
}

/**
 * The view's heading takes the focus (made focusable by script, not by Tab). A view loaded on
 * demand has no heading until its chunk arrives: it is looked for again each frame, for up to 2 s.
 */
export function focusViewHeading(): void {
  const started = performance.now();
  const attempt = (): void => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) {
      if (performance.now() - started < 2000) requestAnimationFrame(attempt);
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  };
  attempt();
}

/** Unless focus is already somewhere: back on `opener` if it is still on the page, else the heading. */
export function restoreFocus(opener: Element | null): void {
  requestAnimationFrame(() => {
    // Another dialog opened meanwhile (a palette's action, a chained dialog): it owns the focus.
    if (document.querySelector('dialog[open]')) return;
    const now = document.activeElement;
    if (now && now !== document.body && now.isConnected) return;
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) {
      opener.focus();
      if (document.activeElement === opener) return;
    }
    focusViewHeading();
  });
}

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

  // A layout effect: its cleanup runs while the dialog is still in the document.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) {
      dialog.showModal();
      initialFocus(dialog).focus();
    }
    return () => {
      dialog?.close();
      restoreFocus(opener);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      tabIndex={-1}
      onCancel={(event) => {
        event.preventDefault();
        if (canCancel) onCancel();
      }}
    >
      {children(titleId)}
    </dialog>
  );
}
