// xterm.js in a region that fills its parent, fitted to it as it resizes. The component knows no
// stream: it hands out what it reads from the keyboard and its size, and takes text to write.
// Loaded on demand (React.lazy), with xterm's own CSS through Vite. What the container prints
// cannot answer for the person (answerbacks are swallowed) nor open a link (terminal-guard.ts).
import { useEffect, useRef, useState } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { withConstructedStyles } from './xterm-styles';
import { guardAnswerbacks, inertLinks } from './terminal-guard';

export interface TerminalScreen {
  /** `written` runs once xterm has processed the text (its flow-control callback). */
  write(data: string, written?: () => void): void;
  /** A line from Silo itself (dimmed), not from the shell. */
  note(text: string): void;
  reset(): void;
  focus(): void;
  size(): { cols: number; rows: number };
}

export interface TerminalProps {
  /** The region's accessible name. */
  label: string;
  /** The screen is open and fitted: its size is the one to start a shell with. */
  onReady(screen: TerminalScreen): void;
  /** Keys and pastes, as text for the shell. */
  onInput(data: string): void;
  onResize(cols: number, rows: number): void;
  /** The sentence shown while a link in the output is hovered: where it really goes. */
  linkNote(target: string): string;
}

/** The terminal's colours, from the page's own CSS variables (light and dark follow the system). */
function themeOf(element: HTMLElement) {
  const css = getComputedStyle(element);
  const read = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--term-bg', '#1d2027'),
    foreground: read('--term-fg', '#e3e6ec'),
    cursor: read('--term-cursor', '#7ea2f7'),
    selectionBackground: read('--term-selection', '#3d63c2'),
  };
}

export default function Terminal({ label, onReady, onInput, onResize, linkNote }: TerminalProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const callbacks = useRef({ onReady, onInput, onResize });
  callbacks.current = { onReady, onInput, onResize };

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const css = getComputedStyle(host);
    const term = new XTerm({
      fontFamily: css.getPropertyValue('--mono').trim() || 'monospace',
      fontSize: 13,
      cursorBlink: true,
      scrollback: 5000,
      theme: themeOf(host),
      linkHandler: inertLinks(setLink),
    });
    const answerbacks = guardAnswerbacks(term.parser);
    const fit = new FitAddon();
    term.loadAddon(fit);
    const styles = withConstructedStyles(document, () => term.open(host));

    const fitNow = (): void => {
      // A hidden tab has no size: keep the last one rather than shrink the shell to nothing.
      if (host.clientWidth === 0 || host.clientHeight === 0) return;
      try {
        fit.fit();
      } catch {
        // Not measurable yet (fonts); the next resize fits it.
      }
    };
    fitNow();
    const inputs = term.onData((data) => callbacks.current.onInput(data));
    const resizes = term.onResize(({ cols, rows }) => callbacks.current.onResize(cols, rows));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fitNow);
    });
    observer.observe(host);

    callbacks.current.onReady({
      write: (data, written) => term.write(data, written),
      note: (text) => term.write(`\r\n\x1b[2m${text}\x1b[0m\r\n`),
      reset: () => term.reset(),
      focus: () => term.focus(),
      size: () => ({ cols: term.cols, rows: term.rows }),
    });

    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      inputs.dispose();
      resizes.dispose();
      answerbacks.dispose();
      term.dispose();
      styles.dispose();
    };
  }, []);

  return (
    <>
      <div ref={hostRef} className="terminal-host" role="region" aria-label={label} />
      {link !== null ? (
        <p className="terminal-link" role="status">
          {linkNote(link)}
        </p>
      ) : null}
    </>
  );
}
