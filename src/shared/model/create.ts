// The create form's content as it crosses to the main side, and what comes back.
import type { SiloError } from '../errors';
import type { RootFindingCode } from './root-access';

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
export type RestartPolicyName = (typeof RESTART_POLICIES)[number];

export interface CreateContainerSpec {
  /** A local image: `repo:tag`, `repo@sha256:…` or an image id. */
  image: string;
  /** Empty or absent: the engine picks one. */
  name?: string;
  /** Argument vectors (see splitCommandLine for a typed line). */
  command?: string[];
  entrypoint?: string[];
  /** `KEY=value` lines. */
  env?: string[];
  /** `docker run -p` specs: `[ip:][hostPort:]containerPort[/proto]`, ranges allowed. */
  ports?: string[];
  /** `docker run -v` specs: `name:/dst[:opts]`, `/host:/dst[:opts]`, `/dst` (anonymous). */
  volumes?: string[];
  /** Empty: the engine's default; `none`, `host`, `bridge`, or a network's name. */
  network?: string;
  restart?: { policy: RestartPolicyName; maxRetries?: number };
  /** `512m`, `1g`, `1073741824` (the docker CLI's units). */
  memory?: string;
  /** `0.5`, `2`. */
  cpus?: string;
  /** `key=value` lines. */
  labels?: string[];
  /** Linux: a runtime the engine offers; Windows: `default`, `process` or `hyperv`. Empty: the engine's default. */
  isolation?: string;
  /**
   * The root-equivalent findings (src/shared/isolation/root-access.ts) the person ticked, one by one:
   * without a finding's code here, a create with that finding is refused.
   */
  acknowledged?: RootFindingCode[];
  /** Start it once created ("create and run"). */
  start?: boolean;
}

export interface CreateContainerResult {
  id: string;
  name: string;
  started: boolean;
  /** Why the start failed; the container is kept, created, for the person to look at. */
  startError: SiloError | null;
  /** The engine's own warnings (for example about a memory limit without swap accounting). */
  warnings: string[];
  /** Read back after the create: the engine made it under `got`, not the runtime `asked`; null when as asked. */
  isolationMismatch: { asked: string; got: string } | null;
}
