// One row of the images table: name and tags, id, size, age, platform, containers, actions.
import { memo } from 'react';
import type { ImageListItem } from '../../../shared/model/image-list';
import type { Language } from '../../../shared/model/settings';
import type { Translate } from '../../i18n';
import { formatBytes, formatDate } from '../../format/bytes';
import { humanDuration } from '../../format/duration';
import { imageName, platformOf, shortId } from './model';

export interface ImageRowProps {
  image: ImageListItem;
  ariaRowIndex: number;
  now: number;
  t: Translate;
  language: Language;
  live: boolean;
  onLayers: (image: ImageListItem) => void;
  onRun: (image: ImageListItem) => void;
  onRemove: (image: ImageListItem) => void;
}

export const ImageRow = memo(function ImageRow({ image, ariaRowIndex, now, t, language, live, onLayers, onRun, onRemove }: ImageRowProps) {
  const name = imageName(image);
  const more = image.tags.length - 1;
  const platform = platformOf(image);
  return (
    <div role="row" aria-rowindex={ariaRowIndex} aria-label={name} className="res-grid images-grid res-row">
      <div role="cell" className="cell-name" title={image.tags.join('\n') || t('images.untaggedHint')}>
        <span className={image.tags.length === 0 ? 'name muted' : 'name'}>{image.tags.length === 0 ? t('images.untagged', { id: name }) : name}</span>
        {more > 0 ? <span className="tag">{t('images.moreTags', { count: more })}</span> : null}
      </div>
      <div role="cell" className="cell-mono" title={image.id}>
        {shortId(image.id)}
      </div>
      <div role="cell" className="cell-number">
        {formatBytes(image.size, language)}
      </div>
      <div role="cell" title={formatDate(image.createdAt, language)}>
        {t('resources.ago', { duration: humanDuration(now - image.createdAt, t) })}
      </div>
      <div role="cell" className="cell-mono" title={platform}>
        {platform || t('common.unknown')}
      </div>
      <div role="cell" className="cell-actions">
        <button type="button" className="button small" aria-label={t('images.layersOf', { name })} title={t('images.layersOf', { name })} onClick={() => onLayers(image)}>
          {t('images.layers')}
        </button>
        <button type="button" className="button small" aria-label={t('images.runOf', { name })} title={t('images.runHint')} disabled={!live} onClick={() => onRun(image)}>
          {t('images.run')}
        </button>
        <button type="button" className="button small danger" aria-label={t('images.removeOf', { name })} title={t('images.removeOf', { name })} disabled={!live} onClick={() => onRemove(image)}>
          {t('action.remove')}
        </button>
      </div>
    </div>
  );
});
