// The keyboard of a virtualized grid (WAI-ARIA grid, row focus): the body is one tab stop (roving
// tabindex on its rows); Up/Down/Home/End/PageUp/PageDown move between rows (scrolling a row into
// view that is not rendered yet); Right enters a row's controls and Left/Right walk them, Left on
// the first (or Escape) goes back to the row; Enter opens the row (its `[data-row-open]` control),
// Space toggles its checkbox. The rows' own controls are never tab stops (tabindex -1), so a row
// is one Tab, not six. Tab order is set through the DOM (the rows come from the caller).
import type { FocusEvent, KeyboardEvent, RefObject } from 'react';
import { useCallback, useLayoutEffect, useRef } from 'react';

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([role="row"])';
const PAGE = 10;

export interface GridKeys {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** Focus the row at this index (scrolling it into view first when needed). */
  focusRow: (index: number) => void;
}

function rowIndexOf(row: Element | null): number | null {
  const value = row instanceof HTMLElement ? row.dataset.rowIndex : undefined;
  return value === undefined ? null : Number(value);
}

function controlsOf(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && !el.closest('dialog') && el.getClientRects().length > 0,
  );
}

/**
 * `windowRef` is the rowgroup whose children are the rendered rows, `first` the index of the first
 * rendered one; `scrollTo` brings an index into the rendered window.
 */
export function useGridKeys(windowRef: RefObject<HTMLElement | null>, count: number, first: number, scrollTo: (index: number) => void): GridKeys {
  const active = useRef(0);
  const pending = useRef<number | null>(null);

  const rowElement = useCallback(
    (index: number): HTMLElement | null => {
      const el = windowRef.current?.children[index - first];
      return el instanceof HTMLElement && rowIndexOf(el) === index ? el : null;
    },
    [windowRef, first],
  );

  // After every render (and every change a row makes on its own): one tab stop, the rows' controls
  // out of the tab order, and a row asked for before it was rendered gets its focus now.
  useLayoutEffect(() => {
    const group = windowRef.current;
    if (!group) return;
    const arrange = (): void => {
      if (active.current >= count) active.current = Math.max(0, count - 1);
      const rows = [...group.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
      const hasActive = rows.some((el, i) => first + i === active.current);
      rows.forEach((el, i) => {
        const index = first + i;
        el.dataset.rowIndex = String(index);
        const stop = hasActive ? index === active.current : i === 0;
        const wanted = stop ? '0' : '-1';
        if (el.getAttribute('tabindex') !== wanted) el.setAttribute('tabindex', wanted);
        for (const control of el.querySelectorAll<HTMLElement>(FOCUSABLE)) {
          // A dialog a row opens keeps its own tab order.
          if (control.getAttribute('tabindex') !== '-1' && !control.closest('dialog')) control.setAttribute('tabindex', '-1');
        }
      });
      if (pending.current !== null) {
        const el = rows[pending.current - first];
        if (el) {
          pending.current = null;
          el.focus({ preventScroll: false });
        }
      }
    };
    arrange();
    const observer = new MutationObserver(arrange);
    observer.observe(group, { childList: true, subtree: true });
    return () => observer.disconnect();
  });

  const focusRow = useCallback(
    (index: number) => {
      if (count === 0) return;
      const target = Math.max(0, Math.min(count - 1, index));
      active.current = target;
      const el = rowElement(target);
      if (el) {
        el.focus();
        el.scrollIntoView({ block: 'nearest' });
      } else {
        pending.current = target;
        scrollTo(target);
      }
    },
    [count, rowElement, scrollTo],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const index = rowIndexOf((event.target as HTMLElement).closest('[role="row"]'));
    if (index !== null) active.current = index;
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      const row = target.closest<HTMLElement>('[role="row"]');
      const index = rowIndexOf(row);
      if (!row || index === null || event.altKey || event.ctrlKey || event.metaKey || target.closest('dialog')) return;
      const onRow = target === row;
      const typing = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio');
      const move = (to: number) => {
        event.preventDefault();
        focusRow(to);
      };
      switch (event.key) {
        case 'ArrowDown':
          if (!typing) move(index + 1);
          return;
        case 'ArrowUp':
          if (!typing) move(index - 1);
          return;
        case 'PageDown':
          return move(index + PAGE);
        case 'PageUp':
          return move(index - PAGE);
        case 'Home':
          if (onRow) move(0);
          return;
        case 'End':
          if (onRow) move(count - 1);
          return;
        case 'Escape':
          if (!onRow) {
            event.preventDefault();
            event.stopPropagation();
            row.focus();
          }
          return;
      }
      if (typing) return;
      const controls = controlsOf(row);
      const at = controls.indexOf(target);
      if (event.key === 'ArrowRight') {
        const next = onRow ? controls[0] : controls[at + 1];
        if (next) {
          event.preventDefault();
          next.focus();
        }
      } else if (event.key === 'ArrowLeft' && !onRow) {
        event.preventDefault();
        (at > 0 ? controls[at - 1]! : row).focus();
      } else if (onRow && event.key === 'Enter') {
        const open = row.querySelector<HTMLElement>('[data-row-open]');
        if (open) {
          event.preventDefault();
          open.click();
        }
      } else if (onRow && event.key === ' ') {
        const check = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
        if (check && !check.disabled) {
          event.preventDefault();
          check.click();
        }
      }
    },
    [count, focusRow],
  );

  return { onKeyDown, onFocus, focusRow };
}
