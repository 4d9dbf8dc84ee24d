// `npm run start:web`: the browser host. Prints exactly one line with the address to open; that
// address opens Silo once. `--new-link` asks the running host for a fresh one; `--open
// '#/containers/<id>/logs'` puts that place in either.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDir } from '../preferences/config-dir';
import { startCore } from '../host/core';
import { startWebHost } from './server';
import { requestNewLink, serveNewLinks } from './link-socket';
import { formatPlace, readPlace } from '../../shared/place';

function parsePort(argv: string[]): number {
  const index = argv.indexOf('--port');
  const inline = argv.find((a) => a.startsWith('--port='));
  const raw = inline ? inline.slice('--port='.length) : index >= 0 ? argv[index + 1] : '0';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port takes a whole number from 0 to 65535 (0 picks a free port); got "${raw}"\n`);
    process.exit(2);
  }
  return port;
}

/** The place `--open` names, as the hash to add to the address ('' without `--open`). */
function parseOpen(argv: string[]): string {
  const index = argv.indexOf('--open');
  const inline = argv.find((a) => a.startsWith('--open='));
  if (!inline && index < 0) return '';
  const raw = inline ? inline.slice('--open='.length) : (argv[index + 1] ?? '');
  const place = readPlace(raw);
  if (!place) {
    process.stderr.write(
      `--open takes a place in Silo: #/containers, #/containers/<id or name>/<inspect|logs|stats|processes|changes|terminal>, #/images, #/volumes, #/networks, #/engine or #/backends (quote it, the shell reads #); got "${raw}"\n`,
    );
    process.exit(2);
  }
  return formatPlace(place);
}

/** `--new-link`: one fresh address from the host already running with this config folder. */
async function newLink(open: string): Promise<void> {
  const folder = configDir();
  try {
    process.stdout.write(`Silo is ready at ${await requestNewLink(folder)}${open}\n`);
  } catch {
    process.stderr.write(`No browser host of Silo is running for ${folder}: start one with npm run start:web\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const open = parseOpen(argv);
  if (argv.includes('--new-link')) return newLink(open);
  const port = parsePort(argv);
  const verbose = process.env.SILO_DEBUG === '1';
  const log = (line: string) => {
    if (verbose) process.stderr.write(`${line}\n`);
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const core = await startCore({ configDir: configDir(), log });
  const host = await startWebHost({ hub: core.hub, staticDir: join(here, '..', 'renderer'), port, log });
  const links = await serveNewLinks(configDir(), host.newLink);
  if (!links) process.stderr.write(`Another browser host of Silo answers --new-link for ${configDir()}; this one prints no new links.\n`);
  process.stdout.write(`Silo is ready at ${host.url}${open}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await links?.close();
    await host.close();
    await core.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Silo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
