// A tab that reads its content once when shown (and again when `again` changes, or when the
// person asks with Refresh), never polling: the toolbar with a summary and Refresh, the failure
// in plain words, then what was read.
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import type { SiloError } from '../../shared/errors';
import { describeError } from '../format/errors';
import { useT } from '../i18n/react';
import { Icon } from './Icon';

/** Calls `load(id)` when the tab is shown for `id` while the engine is live, and when `again` changes. */
export function useLoadWhenShown(load: (id: string) => unknown, id: string, live: boolean, again?: unknown): void {
  useEffect(() => {
    if (live) void load(id);
  }, [id, live, load, again]);
}

/** A read that failed, in plain words. */
export function LoadFailed({ error }: { error: SiloError | null | undefined }) {
  const t = useT();
  return error ? (
    <p className="note warn" role="alert">
      {describeError(error, t)}
    </p>
  ) : null;
}

export function LoadableTab({
  summary,
  loading,
  live,
  onRefresh,
  error,
  children,
}: {
  summary: ReactNode;
  loading: boolean;
  live: boolean;
  onRefresh: () => void;
  error: SiloError | null | undefined;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="list-tab">
      <div className="toolbar">
        <span className="muted" aria-live="polite">
          {summary ?? (loading ? t('details.loading') : '')}
        </span>
        <span className="spacer" />
        <button type="button" className="button" disabled={!live || loading} onClick={onRefresh}>
          <Icon name="refresh" />
          <span>{t('details.refresh')}</span>
        </button>
      </div>
      <LoadFailed error={error} />
      {children}
    </div>
  );
}
