// The Changes tab: `docker diff`, the paths added (A), changed (C) or deleted (D) in the
// container's writable layer, read once when shown and again when the person asks.
import { useCallback, useMemo } from 'react';
import type { FilesystemChange } from '../../../shared/model/processes';
import { useLanguage, useT } from '../../i18n/react';
import { LoadableTab, useLoadWhenShown } from '../../components/LoadableTab';
import { VirtualTable } from '../../components/VirtualTable';
import { useDetails } from './hooks';
import { formatCount } from './logic/stats';

const ROW_HEIGHT = 28;

export function ChangesTab({ id, live }: { id: string; live: boolean }) {
  const t = useT();
  const language = useLanguage();
  const changes = useDetails((s) => s.changes);
  const loadChanges = useDetails((s) => s.loadChanges);

  useLoadWhenShown(loadChanges, id, live);

  const mine = changes?.id === id ? changes : null;
  const list = useMemo(() => mine?.value ?? [], [mine]);
  const loading = mine?.status === 'loading';
  const counts = useMemo(() => {
    const c = { added: 0, modified: 0, deleted: 0 };
    for (const change of list) c[change.kind] += 1;
    return c;
  }, [list]);

  const renderRow = useCallback(
    (change: FilesystemChange, ariaRowIndex: number) => (
      <div role="row" aria-rowindex={ariaRowIndex} className={`change-row change-${change.kind}`}>
        <div role="gridcell" className="change-kind">
          <span className={`kind-badge kind-${change.kind}`} title={t(`details.changes.kind.${change.kind}`)}>
            <span aria-hidden="true">{t(`details.changes.letter.${change.kind}`)}</span>
            <span className="visually-hidden">{t(`details.changes.kind.${change.kind}`)}</span>
          </span>
        </div>
        <div role="gridcell" className="change-path" title={change.path}>
          {change.path}
        </div>
      </div>
    ),
    [t],
  );

  const header = (
    <div role="row" aria-rowindex={1} className="change-row change-head">
      <div role="columnheader">{t('details.changes.kindColumn')}</div>
      <div role="columnheader">{t('details.changes.pathColumn')}</div>
    </div>
  );

  return (
    <LoadableTab
      summary={
        mine?.value
          ? t('details.changes.summary', {
              added: formatCount(counts.added, language),
              modified: formatCount(counts.modified, language),
              deleted: formatCount(counts.deleted, language),
            })
          : null
      }
      loading={loading}
      live={live}
      onRefresh={() => void loadChanges(id)}
      error={mine?.status === 'failed' ? mine.error : null}
    >
      {mine?.value ? (
        <VirtualTable
          rows={list}
          rowKey={(c) => `${c.kind}:${c.path}`}
          renderRow={renderRow}
          header={header}
          rowHeight={ROW_HEIGHT}
          label={t('details.changes.label')}
          className="changes-table"
          empty={<p className="empty">{t('details.changes.none')}</p>}
        />
      ) : null}
    </LoadableTab>
  );
}
