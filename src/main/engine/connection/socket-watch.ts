// A unix socket's folder, watched: the socket going away means the engine is leaving (a graceful
// stop removes it at once, then keeps running while it stops its containers); the socket made
// again means an engine is back. Nothing here talks to the engine.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseEngineHost } from './address';

export interface SocketWatchEvents {
  /** The socket file is no longer there. */
  gone: (path: string) => void;
  /** The socket file is there (again). */
  present: () => void;
}

/** The socket's path for a unix address; null for every other kind (or a bad address). */
export function unixSocketPath(host: string): string | null {
  try {
    const address = parseEngineHost(host);
    return address.kind === 'unix' ? address.path : null;
  } catch {
    return null;
  }
}

export class SocketWatch {
  private watcher: FSWatcher | null = null;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly on: SocketWatchEvents,
  ) {}

  /** Start watching if not already; a folder that does not exist yet is watched on the next call. */
  ensure(): void {
    if (this.watcher || this.closed) return;
    const name = basename(this.path);
    try {
      this.watcher = watch(dirname(this.path), { persistent: false }, (_event, file) => {
        if (file !== null && file.toString() !== name) return;
        if (existsSync(this.path)) this.on.present();
        else this.on.gone(this.path);
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      this.watcher = null;
    }
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = null;
  }
}
