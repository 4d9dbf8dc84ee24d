// The Terminal tab: a shell in the running container (an exec with a TTY), drawn by xterm.js and
// resized with its panel. It opens when the tab is first shown and the container runs, stays open
// behind other tabs, and closes with the page. A clear sentence says why there is no shell.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ContainerState } from '../../../shared/model/container';
import type { SiloError } from '../../../shared/errors';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import type { TerminalSession } from '../../stores/details';
import type { TerminalScreen } from '../../components/Terminal';
import { useDetails } from './hooks';

// xterm.js is loaded only when a terminal is first opened.
const Terminal = lazy(() => import('../../components/Terminal'));

type Phase = 'waiting' | 'opening' | 'open' | 'ended' | 'failed';

/** Resizes of the panel are sent to the engine at most this often (a drag sends many). */
const RESIZE_DELAY_MS = 100;

export function TerminalTab({
  id,
  state,
  live,
  visible,
  startButton,
}: {
  id: string;
  state: ContainerState;
  live: boolean;
  visible: boolean;
  /** Start (or Resume) beside "This container is not running". */
  startButton?: ReactNode;
}) {
  const t = useT();
  const openTerminal = useDetails((s) => s.openTerminal);
  const running = state === 'running';
  const screen = useRef<TerminalScreen | null>(null);
  const session = useRef<TerminalSession | null>(null);
  const [ready, setReady] = useState(false);
  const [phase, setPhase] = useState<Phase>('waiting');
  const [error, setError] = useState<SiloError | null>(null);
  const [exitCode, setExitCode] = useState<number | null>(null);
  const [shell, setShell] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const s = screen.current;
    if (!ready || !live || !running || !s) return;
    const abort = new AbortController();
    let mine: TerminalSession | null = null;
    setPhase('opening');
    setError(null);
    setExitCode(null);
    openTerminal(
      id,
      s.size(),
      {
        output: (data, drawn) => s.write(data, drawn),
        end: (reason, code) => {
          if (abort.signal.aborted) return;
          mine = null;
          session.current = null;
          if (reason) {
            setError(reason);
            setPhase('failed');
          } else {
            setExitCode(code);
            setPhase('ended');
          }
        },
      },
      abort.signal,
    )
      .then((opened) => {
        if (!opened) return;
        mine = opened;
        session.current = opened;
        setShell(opened.shell);
        setPhase((p) => (p === 'opening' ? 'open' : p));
        // The panel may have changed size while the shell started.
        const { cols, rows } = s.size();
        opened.resize(cols, rows);
        s.focus();
      })
      .catch((reason: unknown) => {
        if (abort.signal.aborted) return;
        setError(errorOf(reason));
        setPhase('failed');
      });
    return () => {
      abort.abort();
      mine?.close();
      session.current = null;
    };
  }, [ready, live, running, attempt, id, openTerminal]);

  useEffect(() => {
    if (visible && phase === 'open') screen.current?.focus();
  }, [visible, phase]);

  const resizeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (resizeTimer.current) clearTimeout(resizeTimer.current);
    },
    [],
  );
  const onResize = useCallback((cols: number, rows: number) => {
    if (resizeTimer.current) clearTimeout(resizeTimer.current);
    resizeTimer.current = setTimeout(() => session.current?.resize(cols, rows), RESIZE_DELAY_MS);
  }, []);
  const onInput = useCallback((data: string) => session.current?.input(data), []);
  const onReady = useCallback((s: TerminalScreen) => {
    screen.current = s;
    setReady(true);
  }, []);

  const again = (): void => {
    screen.current?.note(t('details.terminal.newShell'));
    setAttempt((n) => n + 1);
  };

  let message: string;
  let tone: 'muted' | 'warn' = 'muted';
  let canRetry = false;
  if (!running) {
    message = describeError({ code: state === 'paused' ? 'container-paused' : 'container-not-running' }, t) + ' ' + t('details.terminal.startHint');
    tone = 'warn';
  } else if (!live) {
    message = t('details.terminal.offline');
    tone = 'warn';
  } else if (phase === 'opening' || phase === 'waiting') {
    message = t('details.terminal.opening');
  } else if (phase === 'open') {
    message = t('details.terminal.shell', { shell });
  } else if (phase === 'ended') {
    message = exitCode === null ? t('details.terminal.ended') : t('details.terminal.endedCode', { code: exitCode });
    canRetry = true;
  } else {
    message = describeError(error, t);
    tone = 'warn';
    canRetry = true;
  }

  return (
    <div className={running ? 'terminal-tab' : 'terminal-tab stopped'}>
      <div className={tone === 'warn' ? 'terminal-bar warn' : 'terminal-bar'} role={tone === 'warn' ? 'alert' : undefined}>
        <span>{message}</span>
        {!running ? startButton : null}
        {canRetry ? (
          <button type="button" className="button" disabled={!running || !live} onClick={again}>
            {t('details.terminal.openAgain')}
          </button>
        ) : null}
      </div>
      <Suspense fallback={<p className="muted">{t('details.terminal.loading')}</p>}>
        <Terminal
          label={t('details.terminal.region')}
          onReady={onReady}
          onInput={onInput}
          onResize={onResize}
          linkNote={(target) => t('details.terminal.link', { target })}
        />
      </Suspense>
    </div>
  );
}
