// The docker CLI's context store, read as the CLI lays it out: `<config dir>/config.json`
// (currentContext), `contexts/meta/<sha256 of name>/meta.json` and
// `contexts/tls/<sha256 of name>/docker/{ca,cert,key}.pem`. Problems are collected, never thrown.
import { createHash } from 'node:crypto';
import type { HostFs } from './host-fs';

export interface TlsSettings {
  caPath: string | null;
  certPath: string | null;
  keyPath: string | null;
  /** Verify the engine's certificate against the CA. */
  verify: boolean;
}

export interface DockerContext {
  name: string;
  /** The docker endpoint's Host, or null when the context leaves it to the default. */
  host: string | null;
  tls: TlsSettings | null;
}

export interface ContextStore {
  /** config.json's currentContext, or null when unset. */
  currentContext: string | null;
  contexts: DockerContext[];
  problems: string[];
}

export interface PathApi {
  join(...parts: string[]): string;
}

export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export function readContextStore(configDir: string, fs: HostFs, path: PathApi): ContextStore {
  const problems: string[] = [];
  const currentContext = readCurrentContext(path.join(configDir, 'config.json'), fs, problems);
  const metaRoot = path.join(configDir, 'contexts', 'meta');
  const contexts: DockerContext[] = [];
  let dirs: string[] = [];
  try {
    dirs = fs.list(metaRoot);
  } catch (error) {
    problems.push(`cannot read ${metaRoot}: ${(error as Error).message}`);
  }
  for (const dir of dirs.sort()) {
    const context = readContext(configDir, dir, fs, path, problems);
    if (context) contexts.push(context);
  }
  contexts.sort((a, b) => a.name.localeCompare(b.name));
  return { currentContext, contexts, problems };
}

function readCurrentContext(file: string, fs: HostFs, problems: string[]): string | null {
  const json = readJson(file, fs, problems);
  if (json === null) return null;
  const value = (json as { currentContext?: unknown }).currentContext;
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') {
    problems.push(`${file}: currentContext is not a string`);
    return null;
  }
  return value;
}

function readContext(configDir: string, dir: string, fs: HostFs, path: PathApi, problems: string[]): DockerContext | null {
  const file = path.join(configDir, 'contexts', 'meta', dir, 'meta.json');
  const json = readJson(file, fs, problems) as RawMeta | null;
  if (json === null) return null;
  if (typeof json !== 'object' || typeof json.Name !== 'string' || !json.Name) {
    problems.push(`${file}: no context Name`);
    return null;
  }
  const name = json.Name;
  const docker = json.Endpoints?.docker;
  const host = typeof docker?.Host === 'string' && docker.Host ? docker.Host : null;
  const tlsDir = path.join(configDir, 'contexts', 'tls', contextDirName(name), 'docker');
  const file_ = (leaf: string): string | null => {
    const candidate = path.join(tlsDir, leaf);
    return fs.exists(candidate) ? candidate : null;
  };
  const caPath = file_('ca.pem');
  const certPath = file_('cert.pem');
  const keyPath = file_('key.pem');
  const skipVerify = docker?.SkipTLSVerify === true;
  const hasFiles = caPath !== null || certPath !== null || keyPath !== null;
  const tls = hasFiles || skipVerify || host?.startsWith('https://') ? { caPath, certPath, keyPath, verify: !skipVerify } : null;
  return { name, host, tls };
}

interface RawMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

function readJson(file: string, fs: HostFs, problems: string[]): unknown {
  let text: string | null;
  try {
    text = fs.readText(file);
  } catch (error) {
    problems.push(`cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
  if (text === null || text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push(`${file} is not valid JSON: ${(error as Error).message}`);
    return null;
  }
}
