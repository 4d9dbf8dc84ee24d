// The page's keyboard shortcuts: "/" focuses the view's filter, Ctrl+K (⌘K) opens the command
// palette, Escape clears the containers' selection. None fires while a dialog is open, and "/" and
// Escape leave a field being typed in alone.
import { useEffect } from 'react';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;

/** The filter of the view on screen: its search field. */
export function focusFilter(): boolean {
  const field = document.querySelector<HTMLInputElement>('main input[type="search"]');
  if (!field) return false;
  field.focus();
  field.select();
  return true;
}

export function useGlobalShortcuts(openPalette: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        if (dialogOpen()) return;
        event.preventDefault();
        openPalette();
        return;
      }
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target) && !dialogOpen()) {
        if (focusFilter()) event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openPalette]);
}

/** Escape (outside a field and a dialog) calls `clear` while `active`. */
export function useEscapeClears(active: boolean, clear: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || typingIn(event.target) || dialogOpen()) return;
      event.preventDefault();
      clear();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, clear]);
}
