// A container's details: the tab shown, its inspect / top / diff answers, its live log and stats.
// Streams are opened by `followLogs` and `watchStats`, which answer the function that closes them:
// a view opens one while it is shown and closes it when it goes (nobody looks, nothing streams).
import { createStore } from 'zustand/vanilla';
import type { CallResult } from '../../shared/contract';
import type { SiloError } from '../../shared/errors';
import { appendCapped, emptyCapped, type CappedList } from '../../shared/logs/capped';
import type { LogLine } from '../../shared/model/logs';
import type { StreamData } from '../../shared/model/stream';
import type { FilesystemChange, ProcessTable } from '../../shared/model/processes';
import type { StatsSample } from '../../shared/model/stats';
import { errorOf } from '../api';
import type { CallPort } from './api-port';
import type { StreamHub } from './streams';
import { createStreamAcks, type StreamAcks } from './stream-acks';
import type { PlaceTab } from '../../shared/place';

/** The tabs, as the address names them (`#/containers/<id>/<tab>`). */
export { DETAILS_TABS } from '../../shared/place';
export type DetailsTab = PlaceTab;

/** Lines of a log held in memory; older ones are dropped (a download has them all). */
export const LOG_CAP = 50_000;
/** Stats samples kept for the charts: about a minute. */
export const STATS_WINDOW = 60;

export interface Loadable<T> {
  id: string;
  status: 'loading' | 'ready' | 'failed';
  value: T | null;
  error: SiloError | null;
}

export type StreamStatus = 'idle' | 'opening' | 'open' | 'ended' | 'failed';

export interface LogsState {
  id: string | null;
  /** A new number each time a log is opened: views reset what they derived from the old one. */
  generation: number;
  status: StreamStatus;
  error: SiloError | null;
  lines: CappedList<LogLine>;
  /** The container has a TTY (its log is one raw stream). */
  tty: boolean;
  /** Lines Silo left out while this page was too far behind the live log. */
  skipped: number;
}

export interface StatsState {
  id: string | null;
  status: StreamStatus;
  error: SiloError | null;
  /** Oldest first, at most STATS_WINDOW. */
  samples: readonly StatsSample[];
}

export interface DownloadState {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** Characters received so far. */
  received: number;
  error: SiloError | null;
}

/** An interactive shell: what the terminal view needs of it. */
export interface TerminalSession {
  shell: string;
  input(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

export interface TerminalHandlers {
  /** Output to draw; `drawn` once it is (Silo is told: flow control). */
  output(data: string, drawn: () => void): void;
  /** The shell ended (`error` null) or the stream broke. */
  end(error: SiloError | null, exitCode: number | null): void;
}

export interface DetailsState {
  tab: DetailsTab;
  inspect: Loadable<Record<string, unknown>> | null;
  top: Loadable<ProcessTable> | null;
  changes: Loadable<FilesystemChange[]> | null;
  logs: LogsState;
  stats: StatsState;
  download: DownloadState | null;

  setTab(tab: DetailsTab): void;
  loadInspect(id: string): Promise<void>;
  loadTop(id: string): Promise<void>;
  loadChanges(id: string): Promise<void>;
  /** Follow the log (the last LOG_CAP lines, then live, with timestamps). Answers the closer. */
  followLogs(id: string): () => void;
  /** Live stats while the answer is not called. */
  watchStats(id: string): () => void;
  /** The whole log as text pieces, in order (for a file); null when cancelled by the signal. */
  downloadLogs(id: string, timestamps: boolean, signal?: AbortSignal): Promise<string[] | null>;
  /** Start a shell; null when the signal was aborted meanwhile. Rejects with the engine's reason. */
  openTerminal(id: string, size: { cols: number; rows: number }, handlers: TerminalHandlers, signal?: AbortSignal): Promise<TerminalSession | null>;
  /** The panel closed: forget what was loaded. */
  reset(): void;
}

export interface DetailsOptions {
  /** Runs a flush of log lines received meanwhile (a burst becomes one update). Default: next frame. */
  schedule?: (flush: () => void) => void;
  /** Tells Silo what was processed; by default one of the details store's own. */
  acks?: StreamAcks;
}

const idleLogs = (generation = 0): LogsState => ({ id: null, generation, status: 'idle', error: null, lines: emptyCapped(), tty: false, skipped: 0 });
const idleStats = (): StatsState => ({ id: null, status: 'idle', error: null, samples: [] });

export const initialDetailsState = (): Pick<DetailsState, 'tab' | 'inspect' | 'top' | 'changes' | 'logs' | 'stats' | 'download'> => ({
  tab: 'logs',
  inspect: null,
  top: null,
  changes: null,
  logs: idleLogs(),
  stats: idleStats(),
  download: null,
});

function nextFrame(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible')
    requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
}

/** The most one `terminal.input` carries (the contract's limit). */
export const MAX_INPUT = 65_536;

/** A paste cut into pieces the contract accepts, never between the halves of a surrogate pair. */
export function inputPieces(data: string, max = MAX_INPUT): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < data.length) {
    let end = Math.min(data.length, at + max);
    const last = data.charCodeAt(end - 1);
    if (end < data.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(data.slice(at, end));
    at = end;
  }
  return pieces;
}

/** Appends `sample`, keeping the last `window`. */
export function pushSample(samples: readonly StatsSample[], sample: StatsSample, window = STATS_WINDOW): StatsSample[] {
  const next = samples.length >= window ? samples.slice(samples.length - window + 1) : samples.slice();
  next.push(sample);
  return next;
}

export function createDetailsStore(api: CallPort, streams: StreamHub, options: DetailsOptions = {}) {
  const schedule = options.schedule ?? nextFrame;
  const acks = options.acks ?? createStreamAcks(api);

  return createStore<DetailsState>()((set, get) => {
    /** One of inspect / top / changes: the answer is kept only if the same id is still asked for. */
    async function load<K extends 'inspect' | 'top' | 'changes', T>(key: K, id: string, fetch: () => Promise<T>): Promise<void> {
      const previous = get()[key] as Loadable<T> | null;
      set({ [key]: { id, status: 'loading', value: previous?.id === id ? previous.value : null, error: null } } as Partial<DetailsState>);
      try {
        const value = await fetch();
        if ((get()[key] as Loadable<T> | null)?.id === id) set({ [key]: { id, status: 'ready', value, error: null } } as Partial<DetailsState>);
      } catch (reason) {
        if ((get()[key] as Loadable<T> | null)?.id === id)
          set({ [key]: { id, status: 'failed', value: null, error: errorOf(reason) } } as Partial<DetailsState>);
      }
    }

    return {
      ...initialDetailsState(),

      setTab: (tab) => set({ tab }),

      loadInspect: (id) => load('inspect', id, () => api.call('containers.inspect', { id })),
      loadTop: (id) => load('top', id, () => api.call('containers.top', { id })),
      loadChanges: (id) => load('changes', id, () => api.call('containers.changes', { id })),

      followLogs(id) {
        const generation = get().logs.generation + 1;
        const abort = new AbortController();
        let pending: LogLine[][] = [];
        let skipped = 0;
        /** Processed once the lines are in the store: then acknowledged. */
        let unacked: StreamData[] = [];
        let scheduled = false;
        const mine = (): boolean => get().logs.generation === generation;
        const flush = (): void => {
          scheduled = false;
          const batches = pending;
          const taken = unacked;
          const more = skipped;
          pending = [];
          unacked = [];
          skipped = 0;
          if (!mine() || (batches.length === 0 && more === 0)) return;
          let lines = get().logs.lines;
          for (const batch of batches) lines = appendCapped(lines, batch, LOG_CAP);
          set((s) => ({ logs: { ...s.logs, lines, skipped: s.logs.skipped + more } }));
          for (const data of taken) acks.consumed(data);
        };
        const patch = (p: Partial<LogsState>): void => {
          if (mine()) set((s) => ({ logs: { ...s.logs, ...p } }));
        };
        set({ logs: { ...idleLogs(generation), id, status: 'opening' } });
        let handle: { close(): void } | null = null;
        streams
          .open(
            'logs.open',
            { id, tail: LOG_CAP, timestamps: true },
            {
              data(data) {
                if (data.kind !== 'logs' || !mine()) return;
                pending.push(data.lines);
                skipped += data.skipped ?? 0;
                unacked.push(data);
                if (!scheduled) {
                  scheduled = true;
                  schedule(flush);
                }
              },
              end(end) {
                flush();
                patch(end.error ? { status: 'failed', error: end.error } : { status: 'ended' });
              },
            },
            abort.signal,
          )
          .then((opened) => {
            if (!opened) return;
            handle = opened;
            patch({ status: get().logs.status === 'opening' ? 'open' : get().logs.status, tty: opened.result.tty });
          })
          .catch((reason: unknown) => patch({ status: 'failed', error: errorOf(reason) }));
        return () => {
          abort.abort();
          handle?.close();
          pending = [];
          // Nobody looks: the lines go too (the next look reads the log again).
          if (mine()) patch({ status: 'idle', lines: emptyCapped() });
        };
      },

      watchStats(id) {
        const abort = new AbortController();
        let stopped = false;
        const patch = (p: Partial<StatsState>): void => {
          if (!stopped) set((s) => ({ stats: { ...s.stats, ...p } }));
        };
        // Samples of another container are not kept; the same one's stay for a smooth return.
        set((s) => ({ stats: { id, status: 'opening', error: null, samples: s.stats.id === id ? s.stats.samples : [] } }));
        let handle: { close(): void } | null = null;
        streams
          .open(
            'stats.open',
            { id },
            {
              data(data) {
                if (data.kind !== 'stats' || stopped) return;
                set((s) => ({ stats: { ...s.stats, status: 'open', samples: pushSample(s.stats.samples, data.sample) } }));
                acks.consumed(data);
              },
              end(end) {
                patch(end.error ? { status: 'failed', error: end.error } : { status: 'ended' });
              },
            },
            abort.signal,
          )
          .then((opened) => {
            if (!opened) return;
            handle = opened;
            if (get().stats.status === 'opening') patch({ status: 'open' });
          })
          .catch((reason: unknown) => patch({ status: 'failed', error: errorOf(reason) }));
        return () => {
          abort.abort();
          handle?.close();
          if (get().stats.status === 'open' || get().stats.status === 'opening') patch({ status: 'idle' });
          stopped = true;
        };
      },

      async downloadLogs(id, timestamps, signal) {
        const parts: string[] = [];
        let received = 0;
        set({ download: { id, status: 'running', received: 0, error: null } });
        const mine = (): boolean => get().download?.id === id;
        try {
          const done = new Promise<SiloError | null>((resolve) => {
            let handle: { close(): void } | null = null;
            const onAbort = (): void => {
              handle?.close();
              resolve(null);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            streams
              .open(
                'logs.download',
                { id, timestamps },
                {
                  data(data) {
                    if (data.kind !== 'download') return;
                    parts.push(data.text);
                    received += data.text.length;
                    acks.consumed(data);
                    if (mine()) set((s) => ({ download: s.download ? { ...s.download, received } : s.download }));
                  },
                  end: (end) => resolve(end.error),
                },
                signal,
              )
              .then((opened) => {
                handle = opened;
                if (!opened) resolve(null);
              })
              .catch((reason: unknown) => resolve(errorOf(reason)));
          });
          const error = await done;
          if (signal?.aborted) {
            if (mine()) set({ download: null });
            return null;
          }
          if (error) throw error;
          if (mine()) set({ download: { id, status: 'done', received, error: null } });
          return parts;
        } catch (reason) {
          if (mine()) set({ download: { id, status: 'failed', received, error: errorOf(reason) } });
          return null;
        }
      },

      async openTerminal(id, size, handlers, signal) {
        let ended = false;
        const opened = await streams.open(
          'terminal.open',
          { id, cols: size.cols, rows: size.rows },
          {
            data(data) {
              if (data.kind === 'terminal') handlers.output(data.data, () => acks.consumed(data));
            },
            end(end) {
              ended = true;
              handlers.end(end.error, end.exitCode ?? null);
            },
          },
          signal,
        );
        if (!opened) return null;
        const { streamId } = opened;
        return {
          shell: opened.result.shell,
          input(data) {
            if (ended) return;
            for (const piece of inputPieces(data)) api.call('terminal.input', { streamId, data: piece }).catch(() => undefined);
          },
          resize(cols, rows) {
            if (!ended) api.call('terminal.resize', { streamId, cols, rows }).catch(() => undefined);
          },
          close() {
            ended = true;
            opened.close();
          },
        };
      },

      reset: () => set({ ...initialDetailsState(), tab: get().tab, logs: idleLogs(get().logs.generation + 1) }),
    };
  });
}

export type DetailsStore = ReturnType<typeof createDetailsStore>;
export type InspectAnswer = CallResult<'containers.inspect'>;
