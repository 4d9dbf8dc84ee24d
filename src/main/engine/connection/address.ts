// Engine host URLs as the docker CLI writes them (DOCKER_HOST, contexts), parsed into what a
// client needs to dial. Pure.
import { sshDashPart } from '../../../shared/validate/ssh-address';
import { pipeFilePath } from '../../platform/windows';

export type EngineAddress =
  | { kind: 'unix'; path: string }
  /** `path` is dockerode's form, `//./pipe/<name>`. */
  | { kind: 'npipe'; path: string }
  | { kind: 'tcp'; host: string; port: number; https: boolean }
  | { kind: 'ssh'; host: string; port: number; user: string | null };

/** The docker CLI's rule: a host without a scheme is TCP. Trims and keeps everything else. */
export function normalizeHost(raw: string): string {
  const host = raw.trim();
  return host.includes('://') ? host : `tcp://${host}`;
}

/** Parse a host URL; throws an Error with a plain message when it cannot be used. */
export function parseEngineHost(host: string, tls = false): EngineAddress {
  const scheme = host.slice(0, host.indexOf('://')).toLowerCase();
  const rest = host.slice(host.indexOf('://') + 3);
  switch (scheme) {
    case 'unix':
      if (!rest.startsWith('/')) throw new Error(`"${host}" does not name an absolute socket path`);
      return { kind: 'unix', path: rest };
    case 'npipe':
      if (!rest) throw new Error(`"${host}" does not name a pipe`);
      return { kind: 'npipe', path: rest.replace(/\\/g, '/') };
    case 'tcp':
    case 'http':
    case 'https': {
      const url = parseUrl(host.replace(/^\w+:/, 'http:'), host);
      const https = scheme === 'https' || (scheme === 'tcp' && tls);
      const port = url.port ? Number(url.port) : https ? 2376 : 2375;
      return { kind: 'tcp', host: stripBrackets(url.hostname), port, https };
    }
    case 'ssh': {
      const url = parseUrl(host, host);
      // ssh would read a user or host that begins with "-" as one of its options.
      const dash = sshDashPart(host);
      if (dash) throw new Error(`"${host}": the ssh ${dash} begins with "-", which ssh would take as one of its options`);
      return {
        kind: 'ssh',
        host: stripBrackets(url.hostname),
        port: url.port ? Number(url.port) : 22,
        user: url.username ? decodeURIComponent(url.username) : null,
      };
    }
    default:
      throw new Error(`"${host}" has a scheme Silo cannot dial (unix, npipe, tcp, ssh)`);
  }
}

/** The path whose existence says whether a local engine is there, or null for remote ones. */
export function localPresencePath(address: EngineAddress): string | null {
  if (address.kind === 'unix') return address.path;
  if (address.kind === 'npipe') return pipeFilePath(address.path.replace(/^\/\/\.\/pipe\//, ''));
  return null;
}

function parseUrl(text: string, original: string): URL {
  try {
    const url = new URL(text);
    if (!url.hostname) throw new Error('no host');
    return url;
  } catch {
    throw new Error(`"${original}" is not a valid engine address`);
  }
}

function stripBrackets(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}
