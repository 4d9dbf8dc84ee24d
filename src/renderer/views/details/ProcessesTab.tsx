// The Processes tab: `docker top` once when shown (and when the container's state changes), and
// again when the person asks. No polling.
import { useEffect } from 'react';
import type { ContainerState } from '../../../shared/model/container';
import { useLanguage, useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import { Icon } from '../../components/Icon';
import { useDetails } from './hooks';
import { formatCount } from './logic/stats';

export function ProcessesTab({ id, state, live }: { id: string; state: ContainerState; live: boolean }) {
  const t = useT();
  const language = useLanguage();
  const top = useDetails((s) => s.top);
  const loadTop = useDetails((s) => s.loadTop);

  useEffect(() => {
    if (live) void loadTop(id);
  }, [id, state, live, loadTop]);

  const mine = top?.id === id ? top : null;
  const table = mine?.value ?? null;
  const loading = mine?.status === 'loading';

  return (
    <div className="list-tab">
      <div className="toolbar">
        <span className="muted" aria-live="polite">
          {table
            ? t('details.processes.count', { count: table.processes.length, shown: formatCount(table.processes.length, language) })
            : loading
              ? t('details.loading')
              : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="button" disabled={!live || loading} onClick={() => void loadTop(id)}>
          <Icon name="refresh" />
          <span>{t('details.refresh')}</span>
        </button>
      </div>
      {mine?.status === 'failed' ? (
        <p className="note warn" role="alert">
          {describeError(mine.error, t)}
        </p>
      ) : null}
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
    </div>
  );
}
