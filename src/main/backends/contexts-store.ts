// Remote engines a person adds, stored as docker contexts, laid out as the docker CLI lays them
// out so that `docker context ls` and Silo's own discovery (src/main/engine/connection/contexts.ts, reused
// here) both see them: `contexts/meta/<sha256 of name>/meta.json`, TLS files in
// `contexts/tls/<sha256>/docker/{ca,cert,key}.pem` (folders 0700, files 0600). A context appears
// whole or not at all (staged, then renamed into place). Only a context Silo created is removed,
// and it is moved to a backup folder, not deleted.
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ContextResult, EngineContext, RemoteEngineInput } from '../../shared/backends/platform-model';
import type { BackendError } from '../../shared/backends/daemon-model';
import { sshDashPart } from '../../shared/validate/ssh-address';
import { parseEngineHost } from '../engine/connection/address';
import { contextDirName, readContextStore } from '../engine/connection/contexts';
import { nodeHostFs, type HostFs } from '../engine/connection/host-fs';
import { backupStamp } from './atomic-file';
import { nodeFileOps, type FileOps } from './file-ops';

export const CREATED_BY = 'Silo';
const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

export interface ContextStoreOptions {
  /** The docker CLI's config folder: DOCKER_CONFIG, else ~/.docker. */
  configDir: string;
  /** Where removed contexts are kept (default <configDir>/silo-context-backups). */
  backupDir?: string;
  fs?: FileOps;
  hostFs?: HostFs;
  now?: () => Date;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG || join(homeDir, '.docker');
}

/** The docker CLI's rules for a context name and a remote host, and well-formed PEM files. */
export function validateRemoteEngine(input: RemoteEngineInput): BackendError | null {
  if (input.name === 'default' || !NAME_PATTERN.test(input.name)) return { code: 'context-name-invalid', params: { name: input.name } };
  const dash = sshDashPart(input.host);
  if (dash) return { code: dash === 'user' ? 'context-ssh-user-option' : 'context-ssh-host-option', params: { host: input.host } };
  let address;
  try {
    address = parseEngineHost(input.host, Boolean(input.tls));
  } catch (error) {
    return { code: 'context-host-invalid', params: { host: input.host }, detail: (error as Error).message };
  }
  if (!/^(tcp|ssh):\/\//.test(input.host) || (address.kind !== 'tcp' && address.kind !== 'ssh'))
    return { code: 'context-host-invalid', params: { host: input.host }, detail: 'a remote engine is tcp://host:port or ssh://user@host' };
  if (address.kind === 'ssh' && input.tls) return { code: 'context-tls-invalid', params: { reason: 'ssh-has-no-tls' } };
  if (address.kind === 'tcp' && !input.tls)
    return {
      code: 'context-tls-invalid',
      params: { reason: 'plain-tcp' },
      detail: 'an engine on TCP without TLS can be driven by anyone who reaches the port',
    };
  const tls = input.tls;
  if (!tls) return null;
  if (Boolean(tls.cert) !== Boolean(tls.key)) return { code: 'context-tls-invalid', params: { reason: 'cert-without-key' } };
  try {
    if (tls.ca) new X509Certificate(tls.ca);
    if (tls.cert && tls.key) {
      const cert = new X509Certificate(tls.cert);
      if (!cert.checkPrivateKey(createPrivateKey(tls.key))) return { code: 'context-tls-invalid', params: { reason: 'key-does-not-match' } };
    }
  } catch (error) {
    return { code: 'context-tls-invalid', params: { reason: 'not-pem' }, detail: (error as Error).message };
  }
  if (!tls.ca && !tls.skipVerify)
    return { code: 'context-tls-invalid', params: { reason: 'no-ca' }, detail: 'without a CA certificate the engine’s certificate cannot be verified' };
  return null;
}

export async function listEngineContexts(options: ContextStoreOptions): Promise<EngineContext[]> {
  const fs = options.fs ?? nodeFileOps;
  const store = readContextStore(options.configDir, options.hostFs ?? nodeHostFs, { join });
  const contexts: EngineContext[] = [];
  for (const context of store.contexts) {
    const metadata = await readMetadata(fs, options.configDir, context.name);
    contexts.push({
      name: context.name,
      description: typeof metadata.Description === 'string' ? metadata.Description : null,
      host: context.host,
      tls: context.tls !== null,
      createdBySilo: metadata.CreatedBy === CREATED_BY,
      current: store.currentContext === context.name,
    });
  }
  return contexts;
}

export async function addRemoteEngine(input: RemoteEngineInput, options: ContextStoreOptions): Promise<ContextResult> {
  const fs = options.fs ?? nodeFileOps;
  const invalid = validateRemoteEngine(input);
  if (invalid) return { status: 'refused', error: invalid };
  const id = contextDirName(input.name);
  const contexts = join(options.configDir, 'contexts');
  const metaDir = join(contexts, 'meta', id);
  if ((await fs.stat(metaDir)) !== null) return { status: 'refused', error: { code: 'context-exists', params: { name: input.name } } };
  const stage = join(contexts, `.silo-staging-${randomBytes(6).toString('hex')}`);
  const tlsDir = join(contexts, 'tls', id);
  let tlsPlaced = false;
  try {
    await fs.mkdir(join(contexts, 'meta'), 0o755);
    await fs.mkdir(join(stage, 'meta'), 0o700);
    const meta = {
      Name: input.name,
      Metadata: { ...(input.description ? { Description: input.description } : {}), CreatedBy: CREATED_BY },
      Endpoints: { docker: { Host: input.host, SkipTLSVerify: input.tls?.skipVerify === true } },
    };
    await fs.writeNew(join(stage, 'meta', 'meta.json'), Buffer.from(JSON.stringify(meta)), 0o644);
    await fs.chmod(join(stage, 'meta'), 0o755);
    const files = Object.entries({ 'ca.pem': input.tls?.ca, 'cert.pem': input.tls?.cert, 'key.pem': input.tls?.key }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    );
    if (files.length > 0) {
      await fs.mkdir(join(stage, 'tls', 'docker'), 0o700);
      for (const [leaf, pem] of files) await fs.writeNew(join(stage, 'tls', 'docker', leaf), Buffer.from(pem), 0o600);
      await fs.mkdir(join(contexts, 'tls'), 0o700);
      await fs.remove(tlsDir);
      await fs.rename(join(stage, 'tls'), tlsDir);
      tlsPlaced = true;
    }
    // The context becomes visible only now, whole.
    await fs.rename(join(stage, 'meta'), metaDir);
  } catch (error) {
    if (tlsPlaced) await fs.remove(tlsDir).catch(() => undefined);
    return { status: 'refused', error: { code: 'context-write-failed', detail: (error as Error).message } };
  } finally {
    await fs.remove(stage).catch(() => undefined);
  }
  const context = (await listEngineContexts(options)).find((c) => c.name === input.name);
  return context
    ? { status: 'done', context, backupPath: null }
    : { status: 'refused', error: { code: 'context-write-failed', detail: 'the context was written but cannot be read back' } };
}

/** Move a context Silo created out of the store, into a timestamped backup folder. */
export async function removeSiloContext(name: string, options: ContextStoreOptions): Promise<ContextResult> {
  const fs = options.fs ?? nodeFileOps;
  const context = (await listEngineContexts(options)).find((c) => c.name === name);
  if (!context) return { status: 'refused', error: { code: 'context-not-found', params: { name } } };
  if (!context.createdBySilo) return { status: 'refused', error: { code: 'context-not-created-by-silo', params: { name } } };
  if (context.current) return { status: 'refused', error: { code: 'context-in-use', params: { name } } };
  const id = contextDirName(name);
  const backup = join(options.backupDir ?? join(options.configDir, 'silo-context-backups'), `${name}-${backupStamp((options.now ?? (() => new Date()))())}`);
  try {
    await fs.mkdir(backup, 0o700);
    const tlsDir = join(options.configDir, 'contexts', 'tls', id);
    if ((await fs.stat(tlsDir)) !== null) await fs.rename(tlsDir, join(backup, 'tls'));
    await fs.rename(join(options.configDir, 'contexts', 'meta', id), join(backup, 'meta'));
  } catch (error) {
    return { status: 'refused', error: { code: 'context-write-failed', detail: (error as Error).message } };
  }
  return { status: 'done', context, backupPath: backup };
}

async function readMetadata(fs: FileOps, configDir: string, name: string): Promise<Record<string, unknown>> {
  const bytes = await fs.read(join(configDir, 'contexts', 'meta', contextDirName(name), 'meta.json'));
  try {
    const meta = JSON.parse(bytes?.toString('utf8') ?? '{}') as { Metadata?: unknown };
    return typeof meta.Metadata === 'object' && meta.Metadata !== null ? (meta.Metadata as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
