// Registry login and logout as `docker login` and `docker logout` do them, so the docker CLI and
// Silo see the same logins: the engine checks the credentials (POST /auth), then they are stored
// where the CLI stores them: the credential helper config.json names for that registry
// (credHelpers, else credsStore) through its `store`/`erase` protocol, or else config.json's
// `auths` (base64 `user:password`, the file kept 0600). Other keys of config.json are kept as
// they are; the file is replaced atomically.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiloFailure, siloError } from '../../shared/errors';
import type { RegistryLogin } from '../../shared/model/registry';
import { engineMessage, isConnectionError, mapConnectionError } from '../engine/errors';
import type { LiveEngine } from '../engine/live';

type Config = Record<string, unknown> & { auths?: Record<string, Record<string, unknown>>; credHelpers?: Record<string, string>; credsStore?: string };

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const hostOf = (key: string): string => key.replace(/^https?:\/\//, '').split('/')[0] ?? key;
const sameRegistry = (a: string, b: string): boolean => a === b || hostOf(a) === hostOf(b);

function readConfig(dir: string): Config {
  let text: string;
  try {
    text = readFileSync(join(dir, 'config.json'), 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Config;
  } catch {
    // fall through: a file Silo cannot read is not overwritten
  }
  throw new SiloFailure(siloError('docker-config-unwritable', { params: { path: join(dir, 'config.json') }, detail: 'config.json is not a JSON object' }));
}

function writeConfig(dir: string, config: Config): void {
  const file = join(dir, 'config.json');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.silo-${process.pid}`;
    writeFileSync(temp, JSON.stringify(config, null, '\t') + '\n', { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (error) {
    throw new SiloFailure(siloError('docker-config-unwritable', { params: { path: file }, detail: (error as Error).message }));
  }
}

function helperFor(config: Config, registry: string): string | null {
  const own = Object.entries(config.credHelpers ?? {}).find(([key]) => sameRegistry(key, registry))?.[1];
  const name = typeof own === 'string' ? own : typeof config.credsStore === 'string' ? config.credsStore : null;
  return name !== null && HELPER_NAME.test(name) ? name : null;
}

function runHelper(name: string, verb: 'store' | 'erase', input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${name}`, [verb], { timeout: 10_000 }, (error, _stdout, stderr) =>
      error
        ? reject(new SiloFailure(siloError('credential-helper-failed', { params: { helper: name }, detail: (stderr || error.message).trim() })))
        : resolve(),
    );
    child.stdin?.end(input);
  });
}

export function listLogins(dir: string): RegistryLogin[] {
  const config = readConfig(dir);
  const out = new Map<string, RegistryLogin>();
  for (const [registry, entry] of Object.entries(config.auths ?? {})) {
    const auth = entry && typeof entry.auth === 'string' ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
    const username = auth.includes(':') ? auth.slice(0, auth.indexOf(':')) : null;
    out.set(registry, { registry, username, helper: username === null ? helperFor(config, registry) : null });
  }
  for (const [registry, helper] of Object.entries(config.credHelpers ?? {})) {
    if (![...out.keys()].some((k) => sameRegistry(k, registry)) && typeof helper === 'string') out.set(registry, { registry, username: null, helper });
  }
  return [...out.values()].sort((a, b) => a.registry.localeCompare(b.registry));
}

export async function login(live: LiveEngine, registry: string, username: string, password: string): Promise<RegistryLogin> {
  try {
    await live.client.post('/auth', { body: { username, password, serveraddress: registry }, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    if (isConnectionError(error)) throw new SiloFailure(mapConnectionError(error));
    const detail = engineMessage(error);
    const refused = /unauthorized|incorrect username or password|authentication required|401/i.test(detail);
    throw new SiloFailure(siloError(refused ? 'registry-login-refused' : 'registry-unreachable', { params: { registry, reference: registry }, detail }));
  }
  const dir = live.dockerConfigDir;
  const config = readConfig(dir);
  const helper = helperFor(config, registry);
  const auths = { ...(config.auths ?? {}) };
  for (const key of Object.keys(auths)) if (sameRegistry(key, registry)) delete auths[key];
  if (helper !== null) {
    await runHelper(helper, 'store', JSON.stringify({ ServerURL: registry, Username: username, Secret: password }));
    auths[registry] = {};
  } else {
    auths[registry] = { auth: Buffer.from(`${username}:${password}`).toString('base64') };
  }
  writeConfig(dir, { ...config, auths });
  return { registry, username: helper === null ? username : null, helper };
}

export async function logout(live: LiveEngine, registry: string): Promise<void> {
  const dir = live.dockerConfigDir;
  const config = readConfig(dir);
  const helper = helperFor(config, registry);
  if (helper !== null) await runHelper(helper, 'erase', registry);
  const auths = { ...(config.auths ?? {}) };
  const had = Object.keys(auths).filter((key) => sameRegistry(key, registry));
  for (const key of had) delete auths[key];
  if (had.length > 0) writeConfig(dir, { ...config, auths });
}
