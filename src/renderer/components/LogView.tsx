// A log as a virtual list (@tanstack/react-virtual, as the tables): only the lines in view (and a
// few around) are in the page, so 100,000 lines scroll as smoothly as 100. Each line is measured,
// so a long line may wrap (`wrap`) and take several rows. Lines are numbered absolutely (the first
// line ever read is 0): when old lines are dropped the view stays on the lines it showed. It
// follows the end while the person is at the end, and stops when they scroll up; a search reveal
// scrolls its line to the middle. Colours are classes; a colour no class covers, and the geometry,
// are set through the CSSOM (React's style prop, element.style), which `style-src 'self'` allows.
import type { ReactNode } from 'react';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AnsiStyle } from '../../shared/logs/ansi';
import { parseAnsi } from '../../shared/logs/ansi';
import { Visible } from './Visible';
import type { MatchRange } from '../../shared/logs/search';
import { highlight } from '../../shared/logs/search';
import type { LogLine } from '../../shared/model/logs';
import { ansiLook } from './ansi-look';

export interface LogRow {
  line: LogLine;
  /** The style the line starts with (carried from the lines before it). */
  startStyle: AnsiStyle;
  /** Search matches in the line's readable text. */
  ranges: readonly MatchRange[];
  /** Which of `ranges` is the current match, or -1. */
  current: number;
}

export interface LogViewProps {
  /** Absolute number of the first line held, and one past the last. */
  first: number;
  end: number;
  row(absolute: number): LogRow | undefined;
  follow: boolean;
  onFollowChange(follow: boolean): void;
  /** Scroll this absolute line into view (centred) each time `token` changes. */
  reveal: { line: number; token: number } | null;
  showTimestamps: boolean;
  formatTime(time: string): string;
  label: string;
  /** Long lines wrap instead of scrolling sideways. */
  wrap?: boolean;
  /** The height of one unwrapped line: the estimate before a line is measured. */
  rowHeight?: number;
  overscan?: number;
  /** Shown instead of lines when there are none. */
  empty?: ReactNode;
}

/**
 * How far the view moves up when the lines before `first` were dropped: their measured heights,
 * the estimate for those never measured (pure).
 */
export function droppedHeight(from: number, first: number, measured: (line: number) => number | undefined, rowHeight: number): number {
  let height = 0;
  for (let line = from; line < first; line++) height += measured(line) ?? rowHeight;
  return height;
}

function Segment({ text, style, match, current }: { text: string; style: AnsiStyle; match: boolean; current: boolean }) {
  const look = ansiLook(style);
  const paint = useCallback(
    (el: HTMLSpanElement | null) => {
      if (!el) return;
      // Set from script: the CSP forbids style attributes, not element.style.
      el.style.color = look.color ?? '';
      el.style.backgroundColor = look.background ?? '';
    },
    [look.color, look.background],
  );
  const classes = [look.className, match ? 'log-match' : '', current ? 'current' : ''].filter(Boolean).join(' ');
  const needsPaint = look.color !== null || look.background !== null;
  if (match) {
    return (
      <mark className={classes} ref={needsPaint ? paint : undefined}>
        <Visible text={text} />
      </mark>
    );
  }
  return (
    <span className={classes || undefined} ref={needsPaint ? paint : undefined}>
      <Visible text={text} />
    </span>
  );
}

const Line = memo(function Line({ row, showTimestamps, formatTime }: { row: LogRow; showTimestamps: boolean; formatTime: (time: string) => string }) {
  const { segments } = parseAnsi(row.line.text, row.startStyle);
  const pieces = row.ranges.length > 0 ? highlight(segments, row.ranges) : segments.map((s) => ({ ...s, match: false }));
  const current = row.current >= 0 ? row.ranges[row.current] : undefined;
  let offset = 0;
  return (
    <div className={`log-row log-${row.line.stream}`}>
      {showTimestamps && row.line.time ? <span className="log-time">{formatTime(row.line.time)}</span> : null}
      <span className="log-text">
        {pieces.map((piece, i) => {
          const at = offset;
          offset += piece.text.length;
          const isCurrent = piece.match && current !== undefined && at >= current.start && at < current.end;
          return <Segment key={i} text={piece.text} style={piece.style} match={piece.match} current={isCurrent} />;
        })}
      </span>
    </div>
  );
});

export function LogView({
  first,
  end,
  row,
  follow,
  onFollowChange,
  reveal,
  showTimestamps,
  formatTime,
  label,
  wrap = false,
  rowHeight = 18,
  overscan = 20,
  empty,
}: LogViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastFirst = useRef(first);
  const lastReveal = useRef<number | null>(null);
  const pendingReveal = useRef(false);
  const count = Math.max(0, end - first);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Absolute line numbers: a line keeps its measured height when older ones are dropped.
    getItemKey: (index) => first + index,
    overscan,
    initialRect: { width: 0, height: 400 },
  });

  // Following starts at the end and stops when the view moves up (the person, or a reveal); a
  // move down that is not at the end (a line above grew when measured) changes nothing.
  const lastTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight / 2;
    const up = el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    if (atEnd && !follow) onFollowChange(true);
    else if (!atEnd && up && follow) onFollowChange(false);
  }, [follow, onFollowChange, rowHeight]);

  const total = virtualizer.getTotalSize();

  // A new width re-wraps every line: measure again.
  useLayoutEffect(() => virtualizer.measure(), [wrap, showTimestamps, virtualizer]);

  // The scroll position: at the end while following (also when a line grew as it was measured);
  // on the same lines when old ones were dropped; on a match asked for.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const from = lastFirst.current;
    lastFirst.current = first;
    if (reveal && reveal.token !== lastReveal.current) {
      lastReveal.current = reveal.token;
      virtualizer.scrollToIndex(reveal.line - first, { align: 'center' });
      pendingReveal.current = true;
    } else if (follow) {
      el.scrollTop = el.scrollHeight;
    } else if (first > from) {
      const sizes = virtualizer.itemSizeCache;
      el.scrollTop = Math.max(0, el.scrollTop - droppedHeight(from, first, (line) => sizes.get(line), rowHeight));
      for (let line = from; line < first; line++) sizes.delete(line);
    }
  }, [count, first, rowHeight, follow, reveal, virtualizer, total]);

  // A match far to the right of a long line: bring it into view sideways too.
  useLayoutEffect(() => {
    if (!pendingReveal.current) return;
    const mark = scrollRef.current?.querySelector('.log-match.current');
    if (mark) {
      pendingReveal.current = false;
      mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className={wrap ? 'log-scroll wrap' : 'log-scroll'} role="log" aria-live="off" aria-label={label} tabIndex={0} onScroll={onScroll}>
      {count === 0 && empty ? <div className="log-empty">{empty}</div> : null}
      <div className="log-spacer" style={{ height: total }}>
        <div className="log-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const r = row(first + item.index);
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="log-item">
                {r ? <Line row={r} showTimestamps={showTimestamps} formatTime={formatTime} /> : <div className="log-row" />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
