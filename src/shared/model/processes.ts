/** `docker top`: the engine's own columns (Linux: `ps -ef`; Windows: Name, PID, CPU, Private Working Set). */
export interface ProcessTable {
  titles: string[];
  processes: string[][];
  /** The column that holds the process id, when there is one. */
  pidColumn: number | null;
}

export type FilesystemChangeKind = 'modified' | 'added' | 'deleted';

/** `docker diff`: one path changed in the container's writable layer. */
export interface FilesystemChange {
  path: string;
  kind: FilesystemChangeKind;
}
