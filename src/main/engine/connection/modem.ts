// dockerode's modem, loaded without what Silo does not use on a local engine. Silo speaks to the
// engine only through the modem (client.ts): requiring `dockerode` itself would also evaluate its
// BuildKit session support (@grpc/grpc-js, protobufjs), and the modem's SSH transport requires
// `ssh2` at load time. Together that was 505 ms of the host's 642 ms of module evaluation
// (bench/README.md, start-up). Here the modem is taken from dockerode's own dependency (the
// same version dockerode would use), and its SSH transport is loaded the first time an `ssh://`
// engine sends a request.
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of docker-modem's Modem that client.ts uses. */
export interface Modem {
  dial(options: Record<string, unknown>, callback: (error: unknown, data: unknown) => void): void;
}
export type ModemClass = new (options: Record<string, unknown>) => Modem;

type SshTransport = (options: Record<string, unknown>) => unknown;
type Loaded = NodeJS.Require & { cache: Record<string, NodeModule | undefined> };

let modemClass: ModemClass | null = null;

/** This file's own require (the Electron bundle is CommonJS, the browser host's is ESM). */
function requireHere(): Loaded {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return createRequire(here) as Loaded;
}

/** docker-modem's Modem class, resolved from dockerode's folder; its SSH transport left lazy. */
export function loadModem(): ModemClass {
  if (modemClass) return modemClass;
  const here = requireHere();
  const fromDockerode = createRequire(join(dirname(here.resolve('dockerode')), 'docker.js')) as Loaded;
  const modemPath = fromDockerode.resolve('docker-modem');
  const sshPath = (createRequire(modemPath) as Loaded).resolve('./ssh');
  deferSsh(fromDockerode, sshPath);
  modemClass = fromDockerode(modemPath) as ModemClass;
  return modemClass;
}

/**
 * Puts a stand-in for docker-modem's lib/ssh.js in the module cache: the modem requires it at
 * load time but calls it only for an `ssh://` engine, and the real file (with ssh2) is loaded
 * then. A cache that already holds the real file (someone required it before) is left alone.
 */
function deferSsh(load: Loaded, sshPath: string): void {
  if (load.cache[sshPath]) return;
  let real: SshTransport | null = null;
  const standIn = new Module(sshPath) as NodeModule & { filename: string; loaded: boolean; exports: SshTransport };
  standIn.filename = sshPath;
  standIn.loaded = true;
  standIn.exports = (options: Record<string, unknown>) => {
    if (!real) {
      delete load.cache[sshPath];
      real = load(sshPath) as SshTransport;
    }
    return real(options);
  };
  load.cache[sshPath] = standIn;
}

/** Whether ssh2 has been loaded in this process (a unit test checks the stand-in). */
export function sshLoaded(): boolean {
  const cache = requireHere().cache;
  return Object.keys(cache).some((path) => /[\\/]node_modules[\\/]ssh2[\\/]/.test(path));
}
