// A table whose body renders only the rows in view (plus overscan), through @tanstack/react-virtual
// (the one virtualizer of the renderer; the log view uses it too). The header sticks to the top of
// the one scroll container and scrolls sideways with the rows. Geometry goes through React's
// `style` prop: the CSP's `style-src 'self'` allows styles set through the CSSOM, which is what
// React does (no style attribute in markup). It is a grid: one tab stop, arrow keys between rows
// and into a row's controls (grid-keys.ts).
import type { ReactNode } from 'react';
import { Fragment, useCallback, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useGridKeys } from './grid-keys';

export interface VirtualTableProps<R> {
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Renders one body row; it must carry role="row" and the aria-rowindex it is given. */
  renderRow: (row: R, ariaRowIndex: number) => ReactNode;
  /** The header row (role="row" with columnheaders). */
  header: ReactNode;
  rowHeight: number;
  overscan?: number;
  label: string;
  className?: string;
  /** Shown instead of the body when there are no rows. */
  empty?: ReactNode;
  /** A row to focus (scrolled into view) once it is there, e.g. the one whose details were open. */
  focusKey?: string | null;
  /** Told when `focusKey` has been focused (or is not among the rows). */
  onFocusKey?: () => void;
}

export function VirtualTable<R>({
  rows,
  rowKey,
  renderRow,
  header,
  rowHeight,
  overscan = 8,
  label,
  className,
  empty,
  focusKey,
  onFocusKey,
}: VirtualTableProps<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rowKey(rows[index]!),
    overscan,
    initialRect: { width: 0, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const scrollTo = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer]);
  const keys = useGridKeys(windowRef, rows.length, first, scrollTo);

  // Back from a row's details: that row again, scrolled into view and focused.
  const { focusRow } = keys;
  useEffect(() => {
    if (!focusKey || rows.length === 0) return;
    const index = rows.findIndex((row) => rowKey(row) === focusKey);
    if (index >= 0) focusRow(index);
    onFocusKey?.();
  }, [focusKey, rows, rowKey, focusRow, onFocusKey]);

  return (
    <div role="grid" aria-label={label} aria-rowcount={rows.length + 1} className={['vtable', className].filter(Boolean).join(' ')}>
      <div ref={scrollRef} className="vtable-scroll">
        <div className="vtable-inner">
          <div role="rowgroup" className="vtable-head">
            {header}
          </div>
          {rows.length === 0 && empty ? (
            <div className="vtable-empty">{empty}</div>
          ) : (
            <div className="vtable-spacer" style={{ height: virtualizer.getTotalSize() }}>
              <div
                ref={windowRef}
                role="rowgroup"
                className="vtable-window"
                style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
                onKeyDown={keys.onKeyDown}
                onFocus={keys.onFocus}
              >
                {items.map((item, i) => (
                  <Fragment key={item.key}>{renderRow(rows[item.index]!, first + i + 2)}</Fragment>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
