// A table's header row from its column titles; a title may carry its cell's class (`num`).
export type HeadColumn = string | { title: string; className: string };

export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.title} scope="col" className={column.className}>
              {column.title}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
