// A table whose body renders only the rows in view (plus overscan). Rows have a fixed height;
// geometry is set through element.style from effects, which the CSP allows (no style attributes).
import type { ReactNode } from 'react';
import { Fragment, useCallback, useLayoutEffect, useRef, useState } from 'react';

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
}

/** The slice of rows to render for a scroll position (pure, for tests). */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

export function VirtualTable<R>({ rows, rowKey, renderRow, header, rowHeight, overscan = 8, label, className, empty }: VirtualTableProps<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const { first, last } = visibleRange(scrollTop, viewport, rowHeight, rows.length, overscan);

  useLayoutEffect(() => {
    if (spacerRef.current) spacerRef.current.style.height = `${rows.length * rowHeight}px`;
    if (windowRef.current) windowRef.current.style.transform = `translateY(${first * rowHeight}px)`;
  }, [rows.length, rowHeight, first]);

  const slice = rows.slice(first, last);
  // One scroll container for both axes: the header sticks to the top and scrolls sideways with
  // the rows. The header's few pixels above the first row are covered by the overscan.
  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className={['vtable', className].filter(Boolean).join(' ')}>
      <div ref={scrollRef} className="vtable-scroll" onScroll={onScroll}>
        <div className="vtable-inner">
          <div role="rowgroup" className="vtable-head">
            {header}
          </div>
          {rows.length === 0 && empty ? (
            <div className="vtable-empty">{empty}</div>
          ) : (
            <div ref={spacerRef} className="vtable-spacer">
              <div ref={windowRef} role="rowgroup" className="vtable-window">
                {slice.map((row, i) => (
                  <Fragment key={rowKey(row)}>{renderRow(row, first + i + 2)}</Fragment>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
