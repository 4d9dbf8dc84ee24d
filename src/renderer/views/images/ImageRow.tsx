// One row of the images table (a tag, or an untagged image): name, id, size, age, platform, actions.
import { memo } from 'react';
import type { Language } from '../../../shared/model/preferences';
import type { Translate } from '../../i18n';
import { formatBytes, formatDate } from '../../format/bytes';
import { humanDuration } from '../../format/duration';
import { otherTags, platformOf, rowName, shortId, type ImageRowItem } from './model';

export interface ImageRowProps {
  row: ImageRowItem;
  ariaRowIndex: number;
  now: number;
  t: Translate;
  language: Language;
  live: boolean;
  onLayers: (row: ImageRowItem) => void;
  onRun: (row: ImageRowItem) => void;
  onRemove: (row: ImageRowItem) => void;
}

export const ImageRow = memo(function ImageRow({ row, ariaRowIndex, now, t, language, live, onLayers, onRun, onRemove }: ImageRowProps) {
  const { image } = row;
  const name = rowName(row);
  const others = otherTags(row);
  const platform = platformOf(image);
  return (
    <div role="row" aria-rowindex={ariaRowIndex} aria-label={name} className="res-grid images-grid res-row">
      <div
        role="cell"
        className="cell-name"
        title={row.tag === null ? t('images.untaggedHint') : others.length > 0 ? t('images.sameAs', { tags: others.join(t('list.separator')) }) : name}
      >
        <span className={row.tag === null ? 'name muted' : 'name'}>{row.tag === null ? t('images.untagged', { id: name }) : name}</span>
        {others.length > 0 ? <span className="tag">{t('images.moreTags', { count: others.length })}</span> : null}
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
        <button
          type="button"
          className="button small"
          aria-label={t('images.layersOf', { name })}
          title={t('images.layersOf', { name })}
          onClick={() => onLayers(row)}
        >
          {t('images.layers')}
        </button>
        <button
          type="button"
          className="button small"
          aria-label={t('images.runOf', { name })}
          title={t('images.runHint')}
          disabled={!live}
          onClick={() => onRun(row)}
        >
          {t('images.run')}
        </button>
        <button
          type="button"
          className="button small danger"
          aria-label={t('images.removeOf', { name })}
          title={t('images.removeOf', { name })}
          disabled={!live}
          onClick={() => onRemove(row)}
        >
          {t('action.remove')}
        </button>
      </div>
    </div>
  );
});
