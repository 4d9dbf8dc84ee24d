// The columns of a volume's folder: name (a folder opens, a text file shows), size, mode, owner,
// modification time, and Download.
import type { Language } from '../../../shared/model/preferences';
import type { VolumeEntry } from '../../../shared/model/volume-files';
import type { Column, ColumnsContext } from '../../components/ResourceTable';
import { RowButton } from '../../components/ResourceTable';
import { formatBytes, formatDate } from '../../format/bytes';
import { childPath, modeString, ownerOf, shownName } from './files-model';

/** A file, or a hard link (a second name of a file: read and saved as the file). */
export function fileLike(entry: VolumeEntry): boolean {
  return entry.type === 'file' || entry.type === 'hardlink';
}

export interface FileColumnsContext extends ColumnsContext {
  language: Language;
  folder: string;
  onOpen: (entry: VolumeEntry) => void;
  onDownload: (entry: VolumeEntry) => void;
  busy: boolean;
}

export function fileColumns({ t, language, live, folder, onOpen, onDownload, busy }: FileColumnsContext): Column<VolumeEntry>[] {
  return [
    {
      key: 'name',
      header: t('column.name'),
      className: 'cell-name',
      title: (e) => childPath(folder, shownName(e.name)),
      compare: (a, b) => Number(b.type === 'folder') - Number(a.type === 'folder') || a.name.localeCompare(b.name),
      cell: (e) =>
        e.type === 'folder' || fileLike(e) ? (
          <button
            type="button"
            className="link-button"
            aria-label={t(e.type === 'folder' ? 'volumeFiles.openFolder' : 'volumeFiles.showFile', { name: shownName(e.name) })}
            onClick={() => onOpen(e)}
          >
            {shownName(e.name)}
            {e.type === 'folder' ? '/' : ''}
            {e.type === 'hardlink' && e.linkTarget !== null ? (
              <span className="muted">{t('volumeFiles.hardLinkTo', { target: shownName(e.linkTarget) })}</span>
            ) : null}
          </button>
        ) : (
          <span>
            {shownName(e.name)}
            {e.linkTarget !== null ? <span className="muted">{t('volumeFiles.linkTo', { target: shownName(e.linkTarget) })}</span> : null}
          </span>
        ),
    },
    {
      key: 'size',
      header: t('volumes.column.size'),
      className: 'cell-number',
      compare: (a, b) => a.size - b.size,
      cell: (e) => (fileLike(e) ? formatBytes(e.size, language) : ''),
    },
    { key: 'mode', header: t('volumeFiles.column.mode'), className: 'cell-mono', title: (e) => `0${e.mode.toString(8)}`, cell: (e) => modeString(e) },
    { key: 'owner', header: t('volumeFiles.column.owner'), className: 'cell-mono', cell: (e) => ownerOf(e) },
    {
      key: 'modified',
      header: t('volumeFiles.column.modified'),
      compare: (a, b) => a.mtime - b.mtime,
      cell: (e) => formatDate(e.mtime, language),
    },
    {
      key: 'actions',
      header: null,
      className: 'cell-actions',
      cell: (e) =>
        fileLike(e) || e.type === 'folder' ? (
          <RowButton label={t('volumeFiles.downloadOf', { name: shownName(e.name) })} disabled={!live || busy} onClick={() => onDownload(e)}>
            {t('volumeFiles.download')}
          </RowButton>
        ) : null,
    },
  ];
}
