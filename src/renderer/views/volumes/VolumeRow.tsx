// One row of the volumes table: name, driver, mountpoint, size, the containers that use it
// (each a link to the Containers view filtered to it), age, and Remove.
import { memo } from 'react';
import type { ContainerSummary } from '../../../shared/model/container';
import type { Language } from '../../../shared/model/preferences';
import type { VolumeSummary } from '../../../shared/model/volume';
import type { Translate } from '../../i18n';
import { formatBytes, formatDate } from '../../format/bytes';
import { humanDuration } from '../../format/duration';
import { volumeUsersNow } from './model';

const SHOWN_USERS = 2;

export interface VolumeRowProps {
  volume: VolumeSummary;
  containers: ReadonlyMap<string, ContainerSummary>;
  ariaRowIndex: number;
  now: number;
  t: Translate;
  language: Language;
  live: boolean;
  onShowContainer: (name: string) => void;
  onRemove: (volume: VolumeSummary) => void;
}

export const VolumeRow = memo(function VolumeRow({ volume, containers, ariaRowIndex, now, t, language, live, onShowContainer, onRemove }: VolumeRowProps) {
  const users = volumeUsersNow(volume, containers);
  const hidden = users.length - SHOWN_USERS;
  return (
    <div role="row" aria-rowindex={ariaRowIndex} aria-label={volume.name} className="res-grid volumes-grid res-row">
      <div role="cell" className="cell-name" title={volume.name}>
        <span className="name">{volume.name}</span>
        {volume.anonymous ? <span className="tag">{t('volumes.anonymous')}</span> : null}
      </div>
      <div role="cell">{volume.driver}</div>
      <div role="cell" className="cell-mono" title={volume.mountpoint}>
        {volume.mountpoint}
      </div>
      <div role="cell" className="cell-number" title={volume.size === null ? t('volumes.sizeUnknown') : undefined}>
        {volume.size === null ? '' : formatBytes(volume.size, language)}
      </div>
      <div role="cell" className="cell-users" title={users.map((u) => u.name).join('\n')}>
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
      </div>
      <div role="cell" title={formatDate(volume.createdAt, language)}>
        {volume.createdAt === null ? '' : t('resources.ago', { duration: humanDuration(now - volume.createdAt, t) })}
      </div>
      <div role="cell" className="cell-actions">
        <button
          type="button"
          className="button small danger"
          aria-label={t('volumes.removeOf', { name: volume.name })}
          title={t('volumes.removeOf', { name: volume.name })}
          disabled={!live}
          onClick={() => onRemove(volume)}
        >
          {t('action.remove')}
        </button>
      </div>
    </div>
  );
});
