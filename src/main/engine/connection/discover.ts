// Finds engines the way the docker CLI does (DOCKER_HOST, DOCKER_CONTEXT, config.json's
// currentContext, then the default), lists every other context, and probes the well-known
// sockets and pipes. Bad configuration becomes a problem line, never a crash.
import { posix, win32 } from 'node:path';
import type { EndpointSource, EngineEndpoint } from '../../../shared/model/engine';
import { LINUX_DEFAULT_SOCKET, linuxSockets } from '../../platform/linux';
import { WINDOWS_DEFAULT_PIPE, WINDOWS_PIPES, pipeHost } from '../../platform/windows';
import { localPresencePath, normalizeHost, parseEngineHost } from './address';
import { readContextStore, type DockerContext, type TlsSettings } from './contexts';
import { nodeHostFs, type HostFs } from './host-fs';

export interface DiscoverOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  fs?: HostFs;
}

/** An endpoint with what it takes to dial it. */
export interface DiscoveredEndpoint {
  endpoint: EngineEndpoint;
  tls: TlsSettings | null;
}

export interface Discovery {
  endpoints: DiscoveredEndpoint[];
  /** Plain sentences about configuration that could not be used (for the log). */
  problems: string[];
}

interface WellKnown {
  flavor: string;
  name: string;
  host: string;
}

interface Candidate {
  name: string;
  host: string;
  source: EndpointSource;
  tls: TlsSettings | null;
}

export function discoverEngines(options: DiscoverOptions): Discovery {
  const { env, homeDir, platform } = options;
  const fs = options.fs ?? nodeHostFs;
  const path = platform === 'win32' ? win32 : posix;
  const configDir = env.DOCKER_CONFIG || path.join(homeDir, '.docker');
  const store = readContextStore(configDir, fs, path);
  const problems = [...store.problems];
  const wellKnown = wellKnownEndpoints(env, homeDir, platform);
  const defaultHost = platform === 'win32' ? pipeHost(WINDOWS_DEFAULT_PIPE) : `unix://${LINUX_DEFAULT_SOCKET}`;

  const chosen: Candidate[] = [];
  const fromContext = (name: string, source: EndpointSource, origin: string): boolean => {
    if (name === 'default') return false;
    const context = store.contexts.find((c) => c.name === name);
    if (!context) {
      problems.push(`${origin} names the context "${name}", which does not exist; using the next choice`);
      return false;
    }
    chosen.push(contextCandidate(context, source, defaultHost));
    return true;
  };
  const dockerHost = validHost(env.DOCKER_HOST, 'DOCKER_HOST', problems);
  if (dockerHost) chosen.push({ name: dockerHostName(dockerHost, wellKnown), host: dockerHost, source: 'docker-host', tls: envTls(env, configDir, fs, path) });
  else if (env.DOCKER_CONTEXT && fromContext(env.DOCKER_CONTEXT, 'docker-context', 'DOCKER_CONTEXT')) {
    // chosen by DOCKER_CONTEXT
  } else if (store.currentContext && fromContext(store.currentContext, 'current-context', 'config.json currentContext')) {
    // chosen by config.json
  }
  if (!dockerHost) chosen.push({ name: 'default', host: defaultHost, source: 'default', tls: null });

  const others = store.contexts.filter((c) => !chosen.some((x) => x.name === c.name)).map((c) => contextCandidate(c, 'context', defaultHost));
  const probes = wellKnown.filter((w) => isPresent(w.host, fs)).map((w): Candidate => ({ name: w.name, host: w.host, source: 'probe', tls: null }));

  const endpoints: DiscoveredEndpoint[] = [];
  for (const candidate of [...chosen, ...others, ...probes]) {
    try {
      parseEngineHost(candidate.host, candidate.tls !== null);
    } catch (error) {
      problems.push(`${candidate.name}: ${(error as Error).message}`);
      continue;
    }
    if (endpoints.some((e) => e.endpoint.id === candidate.host)) continue;
    const known = wellKnown.find((w) => w.host === candidate.host);
    const name = candidate.source === 'probe' && known ? known.name : candidate.name;
    endpoints.push({
      endpoint: {
        id: candidate.host,
        name,
        host: candidate.host,
        source: candidate.source,
        flavor: known?.flavor ?? null,
        tls: candidate.tls !== null,
        active: false,
      },
      tls: candidate.tls,
    });
  }

  const winner = pickActive(endpoints, fs);
  if (winner) winner.endpoint.active = true;
  return { endpoints, problems };
}

/** The CLI's winner; an absent implicit default gives way to the first probe found. */
function pickActive(endpoints: DiscoveredEndpoint[], fs: HostFs): DiscoveredEndpoint | undefined {
  const winner = endpoints.find((e) => e.endpoint.source !== 'context' && e.endpoint.source !== 'probe');
  if (winner && winner.endpoint.source === 'default' && !isPresent(winner.endpoint.host, fs)) {
    return endpoints.find((e) => e.endpoint.source === 'probe') ?? winner;
  }
  return winner ?? endpoints[0];
}

/**
 * The engine DOCKER_HOST points at, named from its address: a socket Silo knows by its name
 * ("Docker (rootless) (DOCKER_HOST)"), another local socket or pipe "Local engine (DOCKER_HOST)",
 * a remote one by its host ("build.example:2376 (DOCKER_HOST)"). Never the bare variable.
 */
export function dockerHostName(host: string, wellKnown: readonly { host: string; name: string }[]): string {
  const known = wellKnown.find((w) => w.host === host);
  if (known) return `${known.name} (DOCKER_HOST)`;
  try {
    const address = parseEngineHost(host);
    if (address.kind === 'unix' || address.kind === 'npipe') return 'Local engine (DOCKER_HOST)';
    const where = address.host.includes(':') ? `[${address.host}]` : address.host;
    if (address.kind === 'ssh') return `${address.user ? `${address.user}@` : ''}${where} (DOCKER_HOST)`;
    return `${where}:${address.port} (DOCKER_HOST)`;
  } catch {
    return 'DOCKER_HOST';
  }
}

/** A usable DOCKER_HOST, or null (unset, or unusable: a problem line, and the CLI's next choice). */
function validHost(raw: string | undefined, origin: string, problems: string[]): string | null {
  if (!raw?.trim()) return null;
  const host = normalizeHost(raw);
  try {
    parseEngineHost(host);
    return host;
  } catch (error) {
    problems.push(`${origin}: ${(error as Error).message}; using the next choice`);
    return null;
  }
}

function contextCandidate(context: DockerContext, source: EndpointSource, defaultHost: string): Candidate {
  return { name: context.name, host: context.host ? normalizeHost(context.host) : defaultHost, source, tls: context.tls };
}

function envTls(env: NodeJS.ProcessEnv, configDir: string, fs: HostFs, path: typeof posix): TlsSettings | null {
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS) return null;
  const certDir = env.DOCKER_CERT_PATH || configDir;
  const file = (leaf: string): string | null => {
    const candidate = path.join(certDir, leaf);
    return fs.exists(candidate) ? candidate : null;
  };
  return { caPath: file('ca.pem'), certPath: file('cert.pem'), keyPath: file('key.pem'), verify };
}

function wellKnownEndpoints(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): WellKnown[] {
  if (platform === 'win32') return WINDOWS_PIPES.map((p) => ({ flavor: p.flavor, name: p.name, host: pipeHost(p.pipe) }));
  return linuxSockets(env, homeDir).flatMap((s) => (s.path ? [{ flavor: s.flavor, name: s.name, host: `unix://${s.path}` }] : []));
}

/** A local socket or pipe is present when its file exists; a remote engine always counts. */
export function isPresent(host: string, fs: HostFs = nodeHostFs): boolean {
  try {
    const presence = localPresencePath(parseEngineHost(host));
    return presence === null || fs.exists(presence);
  } catch {
    return false;
  }
}
