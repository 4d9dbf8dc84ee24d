// The images table's columns (a row is a tag, or an untagged image): name, id, size, age,
// platform, actions.
import type { ImagePruneEstimate, PruneResult } from '../../../shared/model/image-list';
import type { Language } from '../../../shared/model/preferences';
import { resourcePrune, type PruneSpec } from '../../components/PruneDialog';
import type { Translate } from '../../i18n';
import { RowButton, type Column, type ColumnsContext } from '../../components/ResourceTable';
import { formatBytes, formatDate } from '../../format/bytes';
import { humanDuration } from '../../format/duration';
import { describeImagePrune, otherTags, platformOf, rowName, shortId, type ImageRowItem } from './model';

export interface ImageColumnsContext extends ColumnsContext {
  now: number;
  language: Language;
  onLayers: (row: ImageRowItem) => void;
  onRun: (row: ImageRowItem) => void;
  onRemove: (row: ImageRowItem) => void;
}

export function imageColumns({ now, t, language, live, onLayers, onRun, onRemove }: ImageColumnsContext): Column<ImageRowItem>[] {
  return [
    {
      key: 'name',
      header: t('column.name'),
      className: 'cell-name',
      title: (row) => {
        const others = otherTags(row);
        return row.tag === null ? t('images.untaggedHint') : others.length > 0 ? t('images.sameAs', { tags: others.join(t('list.separator')) }) : rowName(row);
      },
      compare: (a, b) => rowName(a).localeCompare(rowName(b)),
      cell: (row) => {
        const others = otherTags(row);
        return (
          <>
            <span className={row.tag === null ? 'name muted' : 'name'}>{row.tag === null ? t('images.untagged', { id: rowName(row) }) : rowName(row)}</span>
            {others.length > 0 ? <span className="tag">{t('images.moreTags', { count: others.length })}</span> : null}
          </>
        );
      },
    },
    { key: 'id', header: t('images.column.id'), className: 'cell-mono', title: (row) => row.image.id, cell: (row) => shortId(row.image.id) },
    {
      key: 'size',
      header: t('images.column.size'),
      className: 'cell-number',
      compare: (a, b) => a.image.size - b.image.size,
      cell: (row) => formatBytes(row.image.size, language),
    },
    {
      key: 'created',
      header: t('images.column.created'),
      title: (row) => formatDate(row.image.createdAt, language),
      compare: (a, b) => a.image.createdAt - b.image.createdAt,
      cell: (row) => t('resources.ago', { duration: humanDuration(now - row.image.createdAt, t) }),
    },
    {
      key: 'platform',
      header: t('images.column.platform'),
      className: 'cell-mono',
      title: (row) => platformOf(row.image),
      compare: (a, b) => platformOf(a.image).localeCompare(platformOf(b.image)),
      cell: (row) => platformOf(row.image) || t('common.unknown'),
    },
    {
      key: 'actions',
      header: null,
      className: 'cell-actions',
      cell: (row) => {
        const name = rowName(row);
        return (
          <>
            <RowButton label={t('images.layersOf', { name })} onClick={() => onLayers(row)}>
              {t('images.layers')}
            </RowButton>
            <RowButton label={t('images.runOf', { name })} title={t('images.runHint')} disabled={!live} onClick={() => onRun(row)}>
              {t('images.run')}
            </RowButton>
            <RowButton label={t('images.removeOf', { name })} danger disabled={!live} onClick={() => onRemove(row)}>
              {t('action.remove')}
            </RowButton>
          </>
        );
      },
    },
  ];
}

/** What the images' prune says: the estimate, then each image with its size. */
export function imagePrune(
  estimate: () => Promise<ImagePruneEstimate>,
  prune: () => Promise<PruneResult>,
  t: Translate,
  language: Language,
): PruneSpec<ImagePruneEstimate> {
  return resourcePrune(
    'images',
    {
      estimate,
      prune,
      summary: (e) => describeImagePrune(e, t, language),
      explain: () => t('images.pruneExplain'),
      entries: (e) => e.images.map((image) => ({ key: image.id, name: shortId(image.id), size: formatBytes(image.size, language) })),
    },
    t,
    language,
  );
}
