// The volumes table's columns: name, driver, mountpoint, size, the containers that use it (each a
// link to the Containers view filtered to it), age, Files and Remove.
import type { ContainerSummary } from '../../../shared/model/container';
import type { Language } from '../../../shared/model/preferences';
import type { VolumePruneEstimate, VolumeSummary } from '../../../shared/model/volume';
import type { PruneResult } from '../../../shared/model/image-list';
import { resourcePrune, type PruneSpec } from '../../components/PruneDialog';
import type { Translate } from '../../i18n';
import { nameColumn, RowButton, type Column, type ColumnsContext } from '../../components/ResourceTable';
import { formatBytes, formatDate } from '../../format/bytes';
import { humanDuration } from '../../format/duration';
import { describeVolumePrune, volumeUsersNow } from './model';

const SHOWN_USERS = 2;

export interface VolumeColumnsContext extends ColumnsContext {
  containers: ReadonlyMap<string, ContainerSummary>;
  now: number;
  language: Language;
  onShowContainer: (name: string) => void;
  onRemove: (volume: VolumeSummary) => void;
  onFiles: (volume: VolumeSummary) => void;
}

export function volumeColumns({ containers, now, t, language, live, onShowContainer, onRemove, onFiles }: VolumeColumnsContext): Column<VolumeSummary>[] {
  return [
    nameColumn(
      t,
      (v) => v.name,
      (v) => v.name,
      (v) => (v.anonymous ? <span className="tag">{t('volumes.anonymous')}</span> : null),
    ),
    { key: 'driver', header: t('volumes.column.driver'), compare: (a, b) => a.driver.localeCompare(b.driver), cell: (v) => v.driver },
    { key: 'mountpoint', header: t('volumes.column.mountpoint'), className: 'cell-mono', title: (v) => v.mountpoint, cell: (v) => v.mountpoint },
    {
      key: 'size',
      header: t('volumes.column.size'),
      className: 'cell-number',
      title: (v) => (v.size === null ? t('volumes.sizeUnknown') : undefined),
      compare: (a, b) => (a.size ?? -1) - (b.size ?? -1),
      cell: (v) => (v.size === null ? '' : formatBytes(v.size, language)),
    },
    {
      key: 'users',
      header: t('volumes.column.usedBy'),
      className: 'cell-users',
      title: (v) =>
        volumeUsersNow(v, containers)
          .map((u) => u.name)
          .join('\n'),
      compare: (a, b) => a.usedBy.length - b.usedBy.length,
      cell: (v) => {
        const users = volumeUsersNow(v, containers);
        const hidden = users.length - SHOWN_USERS;
        return (
          <>
            {users.length === 0 ? <span className="muted">{t('volumes.unused')}</span> : null}
            {users.slice(0, SHOWN_USERS).map((user) => (
              <button
                key={user.id}
                type="button"
                className="link-button user-link"
                aria-label={t('volumes.showContainer', { name: user.name })}
                disabled={!user.listed}
                onClick={() => onShowContainer(user.name)}
              >
                {user.name}
              </button>
            ))}
            {hidden > 0 ? <span className="tag">{t('volumes.moreUsers', { count: hidden })}</span> : null}
          </>
        );
      },
    },
    {
      key: 'created',
      header: t('volumes.column.created'),
      title: (v) => formatDate(v.createdAt, language),
      compare: (a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0),
      cell: (v) => (v.createdAt === null ? '' : t('resources.ago', { duration: humanDuration(now - v.createdAt, t) })),
    },
    {
      key: 'actions',
      header: null,
      className: 'cell-actions',
      cell: (v) => (
        <>
          <RowButton label={t('volumes.filesOf', { name: v.name })} disabled={!live} onClick={() => onFiles(v)}>
            {t('volumes.files')}
          </RowButton>
          <RowButton label={t('volumes.removeOf', { name: v.name })} danger disabled={!live} onClick={() => onRemove(v)}>
            {t('action.remove')}
          </RowButton>
        </>
      ),
    },
  ];
}

/** What the volumes' prune says: the estimate, whether only anonymous volumes go, each volume's size. */
export function volumePrune(
  estimate: () => Promise<VolumePruneEstimate>,
  prune: () => Promise<PruneResult>,
  t: Translate,
  language: Language,
): PruneSpec<VolumePruneEstimate> {
  const size = (v: VolumePruneEstimate['volumes'][number]): string => (v.size === null ? t('volumes.sizeUnknownShort') : formatBytes(v.size, language));
  return resourcePrune(
    'volumes',
    {
      estimate,
      prune,
      summary: (e) => describeVolumePrune(e, t, language),
      explain: (e) => t(e.anonymousOnly ? 'volumes.pruneExplainAnonymous' : 'volumes.pruneExplain'),
      entries: (e) => e.volumes.map((v) => ({ key: v.name, name: v.name, size: size(v) })),
    },
    t,
    language,
  );
}
