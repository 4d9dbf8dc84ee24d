// A registry's credentials, read as the docker CLI reads them, so a pull in Silo sees what
// `docker pull` sees: config.json (`$DOCKER_CONFIG`, else ~/.docker) `credHelpers` for that
// registry, else its `auths` entry (`auth`: base64 `user:password`, or `identitytoken`), else the
// `credsStore` helper; a helper is `docker-credential-<name> get`, given the registry on stdin,
// answering `{"Username", "Secret"}` (`<token>` as the user name means an identity token).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the engine takes in X-Registry-Auth (the modem encodes it). */
export type RegistryAuth = { username: string; password: string; serveraddress: string } | { identitytoken: string; serveraddress: string };

/** Docker Hub's key in config.json. */
export const DOCKER_HUB = 'https://index.docker.io/v1/';
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HELPER_DEADLINE_MS = 10_000;

interface ConfigFile {
  auths?: Record<string, { auth?: unknown; identitytoken?: unknown }>;
  credHelpers?: Record<string, unknown>;
  credsStore?: unknown;
}

/** The registry of an image reference, as config.json keys it (Docker Hub's key for unqualified names). */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0] ?? '';
  const qualified = reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return qualified ? first : DOCKER_HUB;
}

/** config.json's keys may carry a scheme and a path (`https://reg.example/v1/`): the host as the CLI compares it. */
function hostOf(key: string): string {
  return key.replace(/^https?:\/\//, '').split('/')[0] ?? key;
}

function readConfig(configDir: string): ConfigFile {
  try {
    const parsed = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ConfigFile) : {};
  } catch {
    return {};
  }
}

/** `docker-credential-<name> get`; null when it has nothing for the registry or cannot be run. */
function fromHelper(name: string, registry: string): Promise<RegistryAuth | null> {
  if (!HELPER_NAME.test(name)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const child = execFile(`docker-credential-${name}`, ['get'], { timeout: HELPER_DEADLINE_MS, maxBuffer: 64 * 1024 }, (error, stdout) => {
      if (error) return resolve(null);
      try {
        const answer = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
        const user = typeof answer.Username === 'string' ? answer.Username : '';
        const secret = typeof answer.Secret === 'string' ? answer.Secret : '';
        if (secret === '') return resolve(null);
        resolve(user === '<token>' ? { identitytoken: secret, serveraddress: registry } : { username: user, password: secret, serveraddress: registry });
      } catch {
        resolve(null);
      }
    });
    child.stdin?.end(registry);
  });
}

function fromAuths(config: ConfigFile, registry: string): RegistryAuth | null {
  const auths = config.auths && typeof config.auths === 'object' ? config.auths : {};
  const entry = Object.entries(auths).find(([key]) => key === registry || hostOf(key) === hostOf(registry))?.[1];
  if (!entry || typeof entry !== 'object') return null;
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') return { identitytoken: entry.identitytoken, serveraddress: registry };
  if (typeof entry.auth !== 'string' || entry.auth === '') return null;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: registry };
}

/** The credentials for the registry of `reference`, or null (an anonymous pull). */
export async function credentialsFor(configDir: string, reference: string): Promise<RegistryAuth | null> {
  const registry = registryOf(reference);
  const config = readConfig(configDir);
  const helpers = config.credHelpers && typeof config.credHelpers === 'object' ? config.credHelpers : {};
  const helper = Object.entries(helpers).find(([key]) => key === registry || hostOf(key) === hostOf(registry))?.[1];
  if (typeof helper === 'string') return fromHelper(helper, registry);
  const stored = fromAuths(config, registry);
  if (stored) return stored;
  // Docker Desktop and `docker login` with a store keep only `{}` under auths: the store has it.
  if (typeof config.credsStore === 'string') return fromHelper(config.credsStore, registry);
  return null;
}
