// `--new-link`: a running browser host hands out fresh one-time addresses through a unix socket in
// Silo's config folder, readable and writable by its owner only (0600). Whoever can connect to it
// is the person who started the host (or root). Each connection gets one line, a fresh address.
import { chmodSync, mkdirSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

export const LINK_SOCKET = 'link.sock';

export function linkSocketPath(configDir: string): string {
  return join(configDir, LINK_SOCKET);
}

/** Whether a host already answers on `path`. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Serves fresh addresses on `<configDir>/link.sock`. Null when another running host answers there
 * already (that one keeps it). A socket file left by a host that died is replaced.
 */
export async function serveNewLinks(configDir: string, newLink: () => string): Promise<{ close(): Promise<void> } | null> {
  const path = linkSocketPath(configDir);
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  if (await answers(path)) return null;
  try {
    unlinkSync(path);
  } catch {
    // there was none
  }
  const server: Server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(`${newLink()}\n`);
  });
  // The socket is created 0600 from the start (no moment where others could connect), and checked.
  // A unix socket is bound within listen() itself, so the mask is back before anything else runs.
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => resolve());
  });
  const mask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(mask);
  }
  await listening;
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** Asks the host running with `configDir` for a fresh address. */
export function requestNewLink(configDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(linkSocketPath(configDir));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('end', () => {
      const line = text.trim();
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(line)) resolve(line);
      else reject(new Error('the running browser host gave no address'));
    });
    socket.once('error', reject);
  });
}
