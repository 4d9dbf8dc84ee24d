// The Processes tab: `docker top` once when shown (and when the container's state changes), and
// again when the person asks. No polling.
import type { ContainerState } from '../../../shared/model/container';
import { useLanguage, useT } from '../../i18n/react';
import { LoadableTab, useLoadWhenShown } from '../../components/LoadableTab';
import { useDetails } from './hooks';
import { formatCount } from './logic/stats';

export function ProcessesTab({ id, state, live }: { id: string; state: ContainerState; live: boolean }) {
  const t = useT();
  const language = useLanguage();
  const top = useDetails((s) => s.top);
  const loadTop = useDetails((s) => s.loadTop);

  useLoadWhenShown(loadTop, id, live, state);

  const mine = top?.id === id ? top : null;
  const table = mine?.value ?? null;
  const loading = mine?.status === 'loading';

  return (
    <LoadableTab
      summary={table ? t('details.processes.count', { count: table.processes.length, shown: formatCount(table.processes.length, language) }) : null}
      loading={loading}
      live={live}
      onRefresh={() => void loadTop(id)}
      error={mine?.status === 'failed' ? mine.error : null}
    >
      {table ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('details.processes.caption')}</caption>
            <thead>
              <tr>
                {table.titles.map((title, i) => (
                  <th key={i} scope="col" className={i === table.pidColumn ? 'num' : undefined}>
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.processes.map((process, r) => (
                <tr key={r}>
                  {process.map((cell, c) => (
                    <td key={c} className={c === process.length - 1 ? 'cmd' : c === table.pidColumn ? 'num' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </LoadableTab>
  );
}
