// A resource table from one column model: the header, each row's cells and the grid come from the
// same definition, so a column is added in one place. A sortable column's header is a button
// (aria-sort says the order); without a chosen column the rows keep the order they were given.
import type { ReactNode } from 'react';
import { memo, useMemo, useState } from 'react';
import type { Translate } from '../i18n';
import { useT } from '../i18n/react';
import { VirtualTable } from './VirtualTable';

export interface Column<R> {
  key: string;
  /** The header's words; a column without words (actions) gets a visually hidden "Actions". */
  header: string | null;
  className?: string;
  cell: (row: R) => ReactNode;
  title?: (row: R) => string | undefined;
  /** Makes the column sortable: the ascending order of two rows. */
  compare?: (a: R, b: R) => number;
}

/** What every view's columns see: the translator and whether the engine takes actions now. */
export interface ColumnsContext {
  t: Translate;
  live: boolean;
}

/**
 * The Name column: the name (its title says more where `title` does), then the caller's tags;
 * sorted by name.
 */
export function nameColumn<R>(t: Translate, name: (row: R) => string, title: (row: R) => string, tags: (row: R) => ReactNode): Column<R> {
  return {
    key: 'name',
    header: t('column.name'),
    className: 'cell-name',
    title,
    compare: (a, b) => name(a).localeCompare(name(b)),
    cell: (row) => (
      <>
        <span className="name">{name(row)}</span>
        {tags(row)}
      </>
    ),
  };
}

export interface ResourceTableProps<R> {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowLabel: (row: R) => string;
  /** The grid's class (its column widths in CSS), e.g. `volumes-grid`. */
  grid: string;
  label: string;
  stale: boolean;
  empty: ReactNode;
  rowHeight?: number;
}

type Sort = { key: string; descending: boolean } | null;

export function ResourceTable<R>({ columns, rows, rowKey, rowLabel, grid, label, stale, empty, rowHeight = 40 }: ResourceTableProps<R>) {
  const t = useT();
  const [sort, setSort] = useState<Sort>(null);
  const sorted = useMemo(() => {
    const compare = sort ? columns.find((c) => c.key === sort.key)?.compare : undefined;
    if (!sort || !compare) return rows;
    return [...rows].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  }, [rows, columns, sort]);

  const toggle = (key: string): void => setSort((now) => (now?.key !== key ? { key, descending: false } : now.descending ? null : { key, descending: true }));

  const header = (
    <div role="row" aria-rowindex={1} className={`res-grid ${grid} res-header`}>
      {columns.map((column) => {
        const order = sort?.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined;
        return (
          <div key={column.key} role="columnheader" className={column.className} aria-sort={column.compare ? (order ?? 'none') : undefined}>
            {column.header === null ? (
              <span className="visually-hidden">{t('column.actions')}</span>
            ) : column.compare ? (
              <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                {column.header}
                <span aria-hidden="true" className="sort-mark">
                  {order === 'ascending' ? '▲' : order === 'descending' ? '▼' : ''}
                </span>
              </button>
            ) : (
              column.header
            )}
          </div>
        );
      })}
    </div>
  );

  return (
    <VirtualTable
      rows={sorted}
      rowKey={rowKey}
      renderRow={(row, ariaRowIndex) => <ResourceRow row={row} columns={columns} ariaRowIndex={ariaRowIndex} label={rowLabel(row)} grid={grid} />}
      header={header}
      rowHeight={rowHeight}
      label={label}
      className={stale ? 'resource-table stale' : 'resource-table'}
      empty={<p className="empty">{empty}</p>}
    />
  );
}

interface RowProps<R> {
  row: R;
  columns: readonly Column<R>[];
  ariaRowIndex: number;
  label: string;
  grid: string;
}

function ResourceRowOf<R>({ row, columns, ariaRowIndex, label, grid }: RowProps<R>) {
  return (
    <div role="row" aria-rowindex={ariaRowIndex} aria-label={label} className={`res-grid ${grid} res-row`}>
      {columns.map((column) => (
        <div key={column.key} role="gridcell" className={column.className} title={column.title?.(row)}>
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}

const ResourceRow = memo(ResourceRowOf) as typeof ResourceRowOf;

/** A row's action: its accessible name says which row (`Remove web`), its title may say more. */
export function RowButton({
  label,
  title = label,
  danger = false,
  disabled = false,
  onClick,
  children,
}: {
  label: string;
  title?: string;
  danger?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={danger ? 'button small danger' : 'button small'} aria-label={label} title={title} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
