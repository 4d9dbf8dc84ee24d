// The weakenings of an engine's protection that a new daemon.json brings: an engine API open to
// the network, web pages, or anyone on the machine; containers without their seccomp filter;
// images fetched without TLS; and, compared with the file on disk, a protection taken away
// (userns-remap, no-new-privileges, SELinux, authorization plugins) or a weaker default runtime
// or Windows isolation. Each must be acknowledged by the person before the apply writes the file.
// Only what the new file adds counts: a weakening already in the file on disk was accepted then.
// Whether a runtime's binary may be changed by someone else is a question for the disk
// (src/main/backends/backends-runtime-files.ts). Pure.
import { classifyRuntime, classifyWindowsIsolation } from '../isolation/ladder';
import type { Rung } from '../model/isolation';
import type { JsonValue } from './json-source';
import { parseExecOpt } from './daemon-runtimes';
import type { DaemonWeakening, WeakeningCode } from './weakening-model';

export type { DaemonWeakening, WeakeningCode } from './weakening-model';

export interface WeakeningOptions {
  platform: 'linux' | 'windows';
  /** dockerd's command-line flags: --tls or --tlsverify there protect a tcp:// address in the file. */
  commandLineFlags?: readonly string[];
}

type Config = Record<string, JsonValue>;

const make = (code: WeakeningCode, key: string, subject: string, params: Record<string, string>, message: string): DaemonWeakening => ({
  id: `${code}:${subject}`,
  code,
  key,
  params,
  message,
});

/** The weakenings `next` brings over `old` (null: no file yet). */
export function findWeakenings(next: Config, old: Config | null, options: WeakeningOptions): DaemonWeakening[] {
  const before = new Set(old ? ownWeakenings(old, options).map((w) => w.id) : []);
  const added = ownWeakenings(next, options).filter((w) => !before.has(w.id));
  return [...added, ...removedProtections(next, old ?? {}, options)];
}

/** What a file weakens on its own, whatever was there before. */
function ownWeakenings(config: Config, options: WeakeningOptions): DaemonWeakening[] {
  const out: DaemonWeakening[] = [];
  const flags = options.commandLineFlags ?? [];
  const tls = config.tls === true || flags.includes('tls');
  const verify = config.tlsverify === true || flags.includes('tlsverify');
  for (const host of strings(config.hosts)) {
    const address = tcpAddress(host);
    if (address === null) continue;
    if (verify) continue;
    if (tls)
      out.push(
        make(
          'tls-no-verify',
          'tlsverify',
          host,
          { address: host },
          `${host} uses TLS without checking client certificates: anyone who reaches the port is root`,
        ),
      );
    else if (isLoopback(address))
      out.push(make('tcp-plain-local', 'hosts', host, { address: host }, `${host} has no TLS: every user and program on this computer can be root through it`));
    else out.push(make('tcp-plain', 'hosts', host, { address: host }, `${host} has no TLS: a plain-TCP engine is root for anyone who reaches the port`));
  }
  const cors = config['api-cors-header'];
  if (typeof cors === 'string' && cors.trim() !== '') {
    if (cors.trim() === '*') out.push(make('cors-any', 'api-cors-header', '*', {}, 'Any web page you open may call the engine from your browser'));
    else out.push(make('cors-origin', 'api-cors-header', cors, { origin: cors }, `Pages of ${cors} may call the engine from your browser`));
  }
  if (typeof config['seccomp-profile'] === 'string' && config['seccomp-profile'].trim().toLowerCase() === 'unconfined')
    out.push(make('seccomp-unconfined', 'seccomp-profile', 'unconfined', {}, 'Containers run without the seccomp filter that blocks dangerous system calls'));
  for (const registry of strings(config['insecure-registries'])) {
    if (isLoopbackRegistry(registry)) continue;
    if (coversEverything(registry))
      out.push(make('insecure-registries-all', 'insecure-registries', registry, { registry }, `${registry} lets every registry be reached without TLS`));
    else
      out.push(
        make('insecure-registry', 'insecure-registries', registry, { registry }, `Images from ${registry} come without TLS and can be swapped on the way`),
      );
  }
  return out;
}

/** A protection the old file had and the new one does not. */
function removedProtections(next: Config, old: Config, options: WeakeningOptions): DaemonWeakening[] {
  const out: DaemonWeakening[] = [];
  const remap = old['userns-remap'];
  if (typeof remap === 'string' && remap.trim() !== '' && !(typeof next['userns-remap'] === 'string' && next['userns-remap'].trim() !== ''))
    out.push(
      make('userns-remap-removed', 'userns-remap', remap, { value: remap }, 'Root in a container becomes root on the host again (userns-remap removed)'),
    );
  if (old['no-new-privileges'] === true && next['no-new-privileges'] !== true)
    out.push(make('no-new-privileges-removed', 'no-new-privileges', 'false', {}, 'Programs in containers may gain privileges again (setuid)'));
  if (old['selinux-enabled'] === true && next['selinux-enabled'] !== true)
    out.push(make('selinux-disabled', 'selinux-enabled', 'false', {}, 'SELinux no longer confines containers'));
  const plugins = new Set(strings(next['authorization-plugins']));
  for (const plugin of strings(old['authorization-plugins']))
    if (!plugins.has(plugin))
      out.push(
        make('authorization-plugin-removed', 'authorization-plugins', plugin, { plugin }, `The authorization plugin ${plugin} no longer checks requests`),
      );
  if (options.platform === 'linux') {
    const [was, now] = [defaultRuntime(old), defaultRuntime(next)];
    if (lower(now.rung, was.rung))
      out.push(
        make(
          'default-runtime-weaker',
          'default-runtime',
          `${was.name}>${now.name}`,
          { before: was.name, after: now.name },
          `New containers get ${now.name}, a weaker boundary than ${was.name}`,
        ),
      );
  } else {
    const [was, now] = [windowsIsolation(old), windowsIsolation(next)];
    if (was && now && lower(classifyWindowsIsolation(now), classifyWindowsIsolation(was)))
      out.push(
        make('windows-isolation-weaker', 'exec-opts', `${was}>${now}`, { before: was, after: now }, `New containers get ${now} isolation, weaker than ${was}`),
      );
  }
  return out;
}

const LEVEL: Partial<Record<Rung, number>> = { 'shared-kernel': 0, 'user-namespaced': 1, 'user-space-kernel': 2, 'virtual-machine': 3 };

function lower(now: Rung, was: Rung): boolean {
  const [a, b] = [LEVEL[now], LEVEL[was]];
  return a !== undefined && b !== undefined && a < b;
}

/** The default runtime's name and rung, as the file registers it (runc when unset). */
function defaultRuntime(config: Config): { name: string; rung: Rung } {
  const name = typeof config['default-runtime'] === 'string' ? config['default-runtime'] : 'runc';
  const runtimes = config.runtimes;
  const entry = runtimes && typeof runtimes === 'object' && !Array.isArray(runtimes) && Object.hasOwn(runtimes, name) ? runtimes[name] : undefined;
  const raw = entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as { path?: string; runtimeType?: string }) : undefined;
  return { name, rung: classifyRuntime(name, raw) };
}

/** A Windows engine's isolation from exec-opts; null when unset (the engine's own default). */
function windowsIsolation(config: Config): string | null {
  let mode: string | null = null;
  for (const option of strings(config['exec-opts'])) {
    const parsed = parseExecOpt(option);
    if (parsed?.key === 'isolation') mode = parsed.value.toLowerCase();
  }
  return mode;
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The host part of a tcp address as dockerd reads -H (tcp://, or host:port without a scheme); null for unix://, fd://, npipe://. */
function tcpAddress(host: string): string | null {
  const h = host.trim();
  let rest: string;
  if (/^tcp:\/\//i.test(h)) rest = h.slice(6);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(h) || h.startsWith('/') || h === '') return null;
  else rest = h;
  rest = rest.split('/')[0] ?? '';
  if (rest.startsWith('[')) return rest.slice(1, rest.indexOf(']') > 0 ? rest.indexOf(']') : undefined);
  const colon = rest.lastIndexOf(':');
  // An empty host (tcp://:2375) listens on every address.
  return colon >= 0 ? rest.slice(0, colon) : rest;
}

function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return a === 'localhost' || a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

function isLoopbackRegistry(registry: string): boolean {
  const r = registry.trim().toLowerCase();
  const host = r.startsWith('[') ? r.slice(1, r.indexOf(']')) : (r.split('/')[0] ?? '').replace(/:\d+$/, '');
  return isLoopback(host) || r === '127.0.0.0/8' || r === '::1/128';
}

/** A CIDR of prefix length 0 (0.0.0.0/0, ::/0), or a name with wildcards. */
function coversEverything(registry: string): boolean {
  const cidr = /\/(\d{1,3})$/.exec(registry.trim());
  if (cidr) return Number(cidr[1]) <= 8;
  return registry.includes('*');
}
