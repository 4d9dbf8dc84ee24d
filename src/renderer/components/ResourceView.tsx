// The skeleton of the Images, Volumes and Networks views: a heading with the count, the stale
// note and the view's buttons, a filter as typed, the list's error with Retry, then the table of
// the view's column model. What a view adds (strips above the table, its dialogs) comes as props.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useT } from '../i18n/react';
import { ResourcePrune, type PruneSpec } from './PruneDialog';
import { ListError, type FollowedList } from './ResourceParts';
import { SearchBox } from './SearchBox';
import { ResourceTable, type ResourceTableProps } from './ResourceTable';

export interface ResourceViewProps<R, E> extends Omit<ResourceTableProps<R>, 'label' | 'stale' | 'empty'> {
  /** The view's name: ids and i18n keys (`<name>.filter`, `<name>.tableLabel`…) derive from it. */
  name: 'images' | 'volumes' | 'networks';
  title: string;
  count: string;
  list: Omit<FollowedList<unknown>, 'items'>;
  /** The view's own buttons, before Create and Prune. */
  actions?: ReactNode;
  /** Opens the view's create dialog (volumes, networks): the first, primary button. */
  onCreate?: () => void;
  filter: string;
  onFilter: (text: string) => void;
  /** The view's prune, estimate first: its button comes last among the actions. */
  prune?: PruneSpec<E> | undefined;
  /** True when the view has items at all (so "none" is told apart from "none match"). */
  any: boolean;
  above?: ReactNode;
  children?: ReactNode;
}

export function ResourceView<R, E = never>({
  name,
  title,
  count,
  list,
  actions,
  onCreate,
  filter,
  onFilter,
  prune,
  any,
  above,
  children,
  ...table
}: ResourceViewProps<R, E>) {
  const t = useT();
  const { loaded, live, following, listError } = list;
  const [pruning, setPruning] = useState(false);
  const empty = !loaded ? t(`${name}.loading`) : !any ? t(`${name}.none`) : t(`${name}.noMatch`);
  return (
    <section className="view resource-view" aria-labelledby={`${name}-title`}>
      <header className="view-head">
        <h1 id={`${name}-title`}>{title}</h1>
        <span className="muted count-label" aria-live="polite">
          {loaded ? count : ''}
        </span>
        {loaded && (!live || !following) ? <span className="stale-note">{t('resources.stale')}</span> : null}
        <div className="view-actions">
          {onCreate && name !== 'images' ? (
            <button type="button" className="button primary" disabled={!live} onClick={onCreate}>
              {t(`${name}.createOpen`)}
            </button>
          ) : null}
          {actions}
          {prune ? (
            <button type="button" className="button" disabled={!live} onClick={() => setPruning(true)}>
              {prune.label}
            </button>
          ) : null}
        </div>
      </header>
      <div className="filter-bar" role="search" aria-label={t(`${name}.filterLabel`)}>
        <SearchBox label={t(`${name}.filter`)} placeholder={t(`${name}.filterPlaceholder`)} value={filter} onChange={onFilter} />
      </div>
      {listError ? <ListError error={listError} onRetry={list.retry} /> : null}
      {above}
      <ResourceTable {...table} label={t(`${name}.tableLabel`)} stale={!(live || !loaded)} empty={empty} />
      {children}
      {prune && pruning ? <ResourcePrune title={prune.title} spec={prune} onClose={() => setPruning(false)} /> : null}
    </section>
  );
}
