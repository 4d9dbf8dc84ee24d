// The Containers view: filters, the virtualized table, bulk actions, removal, failures.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerAction, ContainerSummary } from '../../../shared/model/container';
import { useT } from '../../i18n/react';
import { useNow } from '../../hooks';
import { statusRefreshDelay } from '../../format/status';
import { useContainers, useEngine, useIsolation, useUi } from '../../stores/react';
import { isLive } from '../../stores/selectors/engine';
import type { SelectAllState, TableRow } from '../../stores/selectors/containers';
import { filterContainers, hasFilters, projectNames, selectAllState, selectedVisible, tableRows } from '../../stores/selectors/containers';
import { VirtualTable } from '../../components/VirtualTable';
import { RemoveDialog, type RemoveChoice } from '../../components/RemoveDialog';
import { ContainerRow, GroupHeaderRow } from './ContainerRow';
import { FilterBar } from './FilterBar';
import { SelectionBar } from './SelectionBar';
import { ActionReportView } from './ActionReportView';
import { usePick } from '../../stores/use-pick';
import { useRowHeight } from '../../look';
import { useEscapeClears } from '../../shortcuts';

export function ContainersView() {
  const t = useT();
  const { byId, loaded, busy, report, act, dismissReport } = usePick(useContainers, ['byId', 'loaded', 'busy', 'report', 'act', 'dismissReport']);
  const filters = useUi((s) => s.filters);
  const grouped = useUi((s) => s.groupByProject);
  const { collapsed, selection, toggleSelected, selectMany } = usePick(useUi, ['collapsed', 'selection', 'toggleSelected', 'selectMany']);
  const { clearSelection, toggleGroup, clearFilters, openDetails } = usePick(useUi, ['clearSelection', 'toggleGroup', 'clearFilters', 'openDetails']);
  const returnFocus = useUi((s) => s.returnFocus);
  const setReturnFocus = useUi((s) => s.setReturnFocus);
  const focusDone = useCallback(() => setReturnFocus(null), [setReturnFocus]);
  const rowHeight = useRowHeight();
  useEscapeClears(selection.size > 0, clearSelection);
  const live = useEngine((s) => isLive(s.link, s.snapshot));
  const openMove = useIsolation((s) => s.openMove);
  const openCreate = useIsolation((s) => s.openCreate);
  const onMove = useCallback((container: ContainerSummary) => openMove({ kind: 'containers', ids: [container.id] }), [openMove]);
  const onMoveProject = useCallback((project: string) => openMove({ kind: 'project', project }), [openMove]);

  const all = useMemo(() => [...byId.values()], [byId]);
  const filtered = useMemo(() => filterContainers(all, filters), [all, filters]);
  const rows = useMemo(() => tableRows(filtered, grouped, collapsed), [filtered, grouped, collapsed]);
  const projects = useMemo(() => projectNames(all), [all]);
  const selected = useMemo(() => selectedVisible(filtered, selection), [filtered, selection]);
  const allState = selectAllState(filtered, selection);
  // Re-word relative times locally; every second only while a shown status is under a minute old.
  const now = useNow((at) => statusRefreshDelay(filtered, at));

  const [removing, setRemoving] = useState<ContainerSummary[] | null>(null);

  const onRowAct = useCallback(
    (container: ContainerSummary, action: ContainerAction) => {
      if (action === 'remove') setRemoving([container]);
      else void act([container.id], action);
    },
    [act],
  );
  const onBulkAct = useCallback(
    (action: ContainerAction, ids: string[]) => {
      if (action === 'remove') setRemoving(ids.map((id) => byId.get(id)).filter((c): c is ContainerSummary => c !== undefined));
      else void act(ids, action);
    },
    [act, byId],
  );
  const onConfirmRemove = useCallback(
    (choice: RemoveChoice) => {
      const ids = (removing ?? []).map((c) => c.id);
      setRemoving(null);
      if (ids.length === 0) return;
      // The names as the dialog showed them: a container removed meanwhile is still named.
      const names = Object.fromEntries((removing ?? []).map((c) => [c.id, c.name]));
      void act(ids, 'remove', { ...choice, names }).then((report) => {
        const failed = new Set(report.failures.map((f) => f.id));
        selectMany(
          ids.filter((id) => !failed.has(id)),
          false,
        );
      });
    },
    [act, removing, selectMany],
  );

  const renderRow = useCallback(
    (row: TableRow, ariaRowIndex: number) =>
      row.kind === 'group' ? (
        <GroupHeaderRow group={row} ariaRowIndex={ariaRowIndex} t={t} onToggle={toggleGroup} onMove={live ? onMoveProject : undefined} />
      ) : (
        <ContainerRow
          container={row.container}
          ariaRowIndex={ariaRowIndex}
          selected={selection.has(row.container.id)}
          busy={!live || busy.has(row.container.id)}
          now={now}
          t={t}
          onToggle={toggleSelected}
          onAct={onRowAct}
          onMove={onMove}
          onOpen={openDetails}
        />
      ),
    [t, toggleGroup, selection, busy, live, now, toggleSelected, onRowAct, onMove, onMoveProject, openDetails],
  );

  const header = (
    <div role="row" aria-rowindex={1} className="ct-grid ct-header">
      <div role="columnheader" className="cell-check">
        <SelectAll
          state={allState}
          label={t('containers.selectAll')}
          onChange={(on) =>
            selectMany(
              filtered.map((c) => c.id),
              on,
            )
          }
          disabled={filtered.length === 0}
        />
      </div>
      <div role="columnheader">{t('column.name')}</div>
      <div role="columnheader">{t('column.image')}</div>
      <div role="columnheader">{t('column.state')}</div>
      <div role="columnheader">{t('column.status')}</div>
      <div role="columnheader">{t('column.ports')}</div>
      <div role="columnheader">{t('column.project')}</div>
      <div role="columnheader">{t('column.isolation')}</div>
      <div role="columnheader" className="cell-actions">
        <span className="visually-hidden">{t('column.actions')}</span>
      </div>
    </div>
  );

  const empty = !loaded ? t('containers.loading') : all.length === 0 ? t('containers.none') : t('containers.noMatch');

  return (
    <section className="view containers-view" aria-labelledby="containers-title">
      <header className="view-head">
        <h1 id="containers-title">{t('nav.containers')}</h1>
        <span className="muted count-label" aria-live="polite">
          {filtered.length === all.length
            ? t('containers.total', { count: all.length })
            : t('containers.shownOf', { count: filtered.length, total: all.length })}
        </span>
        {hasFilters(filters) ? (
          <button type="button" className="link-button" onClick={clearFilters}>
            {t('filters.clear')}
          </button>
        ) : null}
        {!live && loaded ? <span className="stale-note">{t('containers.stale')}</span> : null}
        <button type="button" className="button primary new-container" disabled={!live} onClick={openCreate}>
          {t('create.open')}
        </button>
      </header>
      <FilterBar projects={projects.names} hasUngrouped={projects.hasUngrouped} />
      {selected.length > 0 ? (
        <SelectionBar
          selected={selected}
          busy={!live || selected.some((c) => busy.has(c.id))}
          onAct={onBulkAct}
          onClear={clearSelection}
          onMove={(ids) => openMove({ kind: 'containers', ids })}
        />
      ) : null}
      {report ? <ActionReportView report={report} onDismiss={dismissReport} /> : null}
      <VirtualTable
        rows={rows}
        rowKey={(row) => row.key}
        renderRow={renderRow}
        header={header}
        rowHeight={rowHeight}
        focusKey={returnFocus}
        onFocusKey={focusDone}
        label={t('containers.tableLabel')}
        className={live || !loaded ? 'containers-table' : 'containers-table stale'}
        empty={<p className="empty">{empty}</p>}
      />
      {removing ? <RemoveDialog containers={removing} onConfirm={onConfirmRemove} onCancel={() => setRemoving(null)} /> : null}
    </section>
  );
}

function SelectAll({ state, label, onChange, disabled }: { state: SelectAllState; label: string; onChange: (on: boolean) => void; disabled: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return <input ref={ref} type="checkbox" aria-label={label} checked={state === 'all'} disabled={disabled} onChange={() => onChange(state !== 'all')} />;
}
