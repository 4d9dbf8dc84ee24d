// Pieces the Images, Volumes and Networks views share: a list that follows the engine once this
// page asks for it, progress bars, an error in plain words with the engine's own beside it.
import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import { describeError } from '../format/errors';
import { useT } from '../i18n/react';
import { useEngine } from '../stores/react';
import { isLive } from '../stores/selectors/engine';
import type { ResourceList } from '../stores/resource-list';
import './resources.css';

/**
 * Lists once while the engine is live and this page does not follow the list yet (first visit,
 * or after the link to Silo came back): the engine's patches keep it true after that. A failed
 * list is not repeated until the engine comes back or the person asks (Retry).
 */
export function useFollowedList<T>(store: StoreApi<ResourceList<T> & { load(): Promise<void> }>, following: boolean): boolean {
  const live = useEngine((s) => isLive(s.link, s.snapshot));
  useEffect(() => {
    const state = store.getState();
    if (live && !following && !state.loading) void state.load();
  }, [live, following, store]);
  return live;
}

/** A bar with its words; without a fraction it is indeterminate (the engine gave no measure). */
export function ProgressBar({ value, label, text }: { value: number | null; label: string; text?: string }) {
  return (
    <div className="progress-line">
      {value === null ? <progress aria-label={label} /> : <progress aria-label={label} max={1} value={value} />}
      {text ? <span className="progress-text">{text}</span> : null}
    </div>
  );
}

/** One plain sentence, and the engine's own words under a disclosure when it gave some. */
export function ErrorNote({ error, prefix, role = 'alert' }: { error: SiloError; prefix?: (reason: string) => string; role?: 'alert' | 'status' }) {
  const t = useT();
  const sentence = describeError(error, t);
  return (
    <div className="error-note" role={role}>
      <p>{prefix ? prefix(sentence) : sentence}</p>
      {error.detail ? (
        <details>
          <summary>{t('resources.engineWords')}</summary>
          <code className="engine-words">{error.detail}</code>
        </details>
      ) : null}
    </div>
  );
}

/** The list failed: why, and a way to try again. */
export function ListError({ error, onRetry }: { error: SiloError; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="list-error">
      <ErrorNote error={error} prefix={(reason) => t('resources.listFailed', { reason })} />
      <button type="button" className="button" onClick={onRetry}>
        {t('resources.retry')}
      </button>
    </div>
  );
}

/** A resource slice's list as a view shows it: the items, where the list stands, and Retry. */
export interface FollowedList<T> {
  items: ReadonlyMap<string, T>;
  loaded: boolean;
  following: boolean;
  listError: SiloError | null;
  live: boolean;
  retry: () => void;
}

export function useResourceList<T>(store: StoreApi<ResourceList<T> & { load(): Promise<void> }>): FollowedList<T> {
  const items = useStore(store, (s) => s.items);
  const loaded = useStore(store, (s) => s.loaded);
  const following = useStore(store, (s) => s.following);
  const listError = useStore(store, (s) => s.listError);
  const live = useFollowedList(store, following);
  const retry = useCallback(() => void store.getState().load(), [store]);
  return { items, loaded, following, listError, live, retry };
}
