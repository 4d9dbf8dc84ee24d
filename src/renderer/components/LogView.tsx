// A log as a virtual list: only the lines in view (and a few around) are in the page, so 100,000
// lines scroll as smoothly as 100. Lines have one height and do not wrap. Lines are numbered
// absolutely (the first line ever read is 0): when old lines are dropped the view stays on the
// lines it showed. It follows the end while the person is at the end, and stops when they scroll
// up. Colours are classes; a colour no class covers is set from script (the CSP allows that).
import type { ReactNode } from 'react';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
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
  rowHeight?: number;
  overscan?: number;
  /** Shown instead of lines when there are none. */
  empty?: ReactNode;
}

/** The slice of absolute lines to render for a scroll position (pure). */
export function logWindow(scrollTop: number, viewport: number, rowHeight: number, first: number, end: number, overscan: number): { from: number; to: number } {
  const count = Math.max(0, end - first);
  const top = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const bottom = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { from: first + Math.min(top, count), to: first + Math.max(Math.min(top, count), bottom) };
}

/** Where to scroll so `line` sits in the middle of the viewport. */
export function centreOn(line: number, first: number, rowHeight: number, viewport: number): number {
  return Math.max(0, (line - first) * rowHeight - viewport / 2 + rowHeight / 2);
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
  rowHeight = 18,
  overscan = 20,
  empty,
}: LogViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const lastFirst = useRef(first);
  const lastReveal = useRef<number | null>(null);
  const pendingReveal = useRef(false);

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
    if (!el) return;
    setScrollTop(el.scrollTop);
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight / 2;
    if (atEnd !== follow) onFollowChange(atEnd);
  }, [follow, onFollowChange, rowHeight]);

  const count = Math.max(0, end - first);

  // Geometry, then the scroll position: at the end while following; on the same lines when
  // old ones were dropped; on a match asked for.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (spacerRef.current) spacerRef.current.style.height = `${count * rowHeight}px`;
    if (!el) return;
    const dropped = first - lastFirst.current;
    lastFirst.current = first;
    if (reveal && reveal.token !== lastReveal.current) {
      lastReveal.current = reveal.token;
      const target = centreOn(reveal.line, first, rowHeight, el.clientHeight);
      el.scrollTop = target;
      setScrollTop(el.scrollTop);
      pendingReveal.current = true;
    } else if (follow) {
      el.scrollTop = el.scrollHeight;
      setScrollTop(el.scrollTop);
    } else if (dropped > 0) {
      el.scrollTop = Math.max(0, el.scrollTop - dropped * rowHeight);
      setScrollTop(el.scrollTop);
    }
  }, [count, first, rowHeight, follow, reveal]);

  const { from, to } = logWindow(scrollTop, viewport, rowHeight, first, end, overscan);

  useLayoutEffect(() => {
    if (windowRef.current) windowRef.current.style.transform = `translateY(${(from - first) * rowHeight}px)`;
    // A match far to the right of a long line: bring it into view sideways too.
    if (pendingReveal.current) {
      const mark = scrollRef.current?.querySelector('.log-match.current');
      if (mark) {
        pendingReveal.current = false;
        mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  });

  const rows: ReactNode[] = [];
  for (let n = from; n < to; n++) {
    const r = row(n);
    if (r) rows.push(<Line key={n} row={r} showTimestamps={showTimestamps} formatTime={formatTime} />);
  }

  return (
    <div ref={scrollRef} className="log-scroll" role="log" aria-live="off" aria-label={label} tabIndex={0} onScroll={onScroll}>
      {count === 0 && empty ? <div className="log-empty">{empty}</div> : null}
      <div ref={spacerRef} className="log-spacer">
        <div ref={windowRef} className="log-window">
          {rows}
        </div>
      </div>
    </div>
  );
}
