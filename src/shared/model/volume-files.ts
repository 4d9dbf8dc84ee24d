// What browsing a volume's files answers: one folder's entries as its tar headers describe them
// (size, mode, owner, modification time, a symlink's target), and a file's first bytes as text.

export type VolumeEntryType = 'file' | 'folder' | 'symlink' | 'hardlink' | 'other';

export interface VolumeEntry {
  name: string;
  type: VolumeEntryType;
  /** Bytes (a file's; 0 for the rest). */
  size: number;
  /** Permission bits with setuid/setgid/sticky (`0o4755`), without the type. */
  mode: number;
  uid: number;
  gid: number;
  /** User and group names, where the tar carries them. */
  user: string;
  group: string;
  /** Epoch ms. */
  mtime: number;
  /** A symlink's or hard link's target, as stored. */
  linkTarget: string | null;
}

export interface VolumeListing {
  volume: string;
  /** The folder, relative to the volume's root ('' for the root). */
  path: string;
  entries: VolumeEntry[];
  /** The image the helper container was made from (nothing is pulled). */
  helperImage: string;
  /** Running containers that use the volume: its files are read as they are at this moment. */
  liveUsers: string[];
}

export interface VolumeFileText {
  path: string;
  size: number;
  /** At most the first MiB, as UTF-8. */
  text: string;
  truncated: boolean;
  /** The first bytes hold NUL: not text (the text is then empty). */
  binary: boolean;
}

/** What `volumes.download` opens: a file's own bytes, or a folder (or the whole volume) as a tar. */
export interface VolumeDownloadOpened {
  streamId: string;
  /** The name to save under: the file's, or `<folder>.tar`. */
  fileName: string;
  kind: 'file' | 'tar';
  /** A file's size, when known (a tar's is not known before the end). */
  size: number | null;
}

/** How an import treats a volume that already holds files (the person chose). */
export type VolumeImportMode = 'replace' | 'merge';

export interface VolumeImportResult {
  volume: string;
  /** The volume that holds what was there before (a clone), when the target was not empty. */
  backup: string | null;
  /** Entries and bytes of the tar. */
  files: number;
  bytes: number;
}
