// One endpoint's connection: negotiate the API version, set up a session (the caller's
// `establish`: info, events stream, list), show the state, and when the session dies reconnect
// by itself with backoff. For a unix socket, a re-created socket file triggers an attempt at once.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ConnectionState } from '../../../shared/model/engine';
import { siloError, type SiloError } from '../../../shared/errors';
import { parseEngineHost } from './address';
import { negotiateApiVersion } from './api-version';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { EngineClient, type ClientTarget } from './client';
import { isConnectionError, mapConnectionError, mapEngineError } from '../errors';

/** One connected period. It ends when `lost` is called or the connection stops. */
export class Session {
  dead = false;
  reason: unknown = null;
  constructor(
    readonly client: EngineClient,
    readonly apiVersion: string,
  ) {}
}

export interface ConnectionOptions {
  target: ClientTarget;
  env: NodeJS.ProcessEnv;
  /** Set up a session; a throw fails the attempt. The session may die while this runs. */
  establish: (session: Session) => Promise<void>;
  onState: (state: ConnectionState) => void;
  /** Ends a session's resources (streams, stores) when it dies or the connection stops. */
  teardown: (session: Session) => void;
  connectDeadlineMs?: number;
  backoff?: BackoffOptions;
  log?: (line: string) => void;
}

export class EngineConnection {
  private current: ConnectionState = { phase: 'connecting', error: null, apiVersion: null, attempt: 0, nextAttemptAt: null };
  private session: Session | null = null;
  private failures = 0;
  private attempting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private watcher: FSWatcher | null = null;
  private stopped = false;
  /** Aborted on stop, so an attempt in flight ends at once. */
  private readonly cancel = new AbortController();
  private establishing: Session | null = null;

  constructor(private readonly options: ConnectionOptions) {}

  get state(): ConnectionState {
    return this.current;
  }

  /** The live session, or null while not connected. */
  get live(): Session | null {
    return this.session;
  }

  /** Runs the first attempt; resolves when it has succeeded or failed (never throws). */
  start(): Promise<void> {
    this.watchSocket();
    return this.attempt();
  }

  /** A session's stream ended or a call could not reach the engine: reconnect. */
  lost(session: Session, reason: unknown): void {
    if (session.dead || this.stopped) return;
    session.dead = true;
    session.reason = reason;
    if (this.session !== session) return; // still being established: the attempt fails by itself
    this.session = null;
    this.options.teardown(session);
    session.client.close();
    this.options.log?.(`lost the engine: ${describe(reason)}`);
    this.failures = 0;
    const delay = this.backoff.initialMs;
    this.setState({ phase: 'reconnecting', error: toError(reason), apiVersion: null, attempt: 0, nextAttemptAt: Date.now() + delay });
    this.schedule(delay);
  }

  /** Attempt now if not connected (someone knows the engine is back). */
  poke(): void {
    if (this.stopped || this.session || this.attempting) return;
    void this.attempt();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel.abort();
    this.establishing?.client.close();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
    const session = this.session;
    this.session = null;
    if (session) {
      session.dead = true;
      this.options.teardown(session);
      session.client.close();
    }
    await this.attempting;
  }

  private get backoff(): BackoffOptions {
    return this.options.backoff ?? DEFAULT_BACKOFF;
  }

  private attempt(): Promise<void> {
    if (this.attempting) return this.attempting;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempting = this.runAttempt().finally(() => (this.attempting = null));
    return this.attempting;
  }

  private async runAttempt(): Promise<void> {
    if (this.stopped) return;
    const { target, env } = this.options;
    let session: Session | null = null;
    try {
      const apiVersion = await negotiateApiVersion(target, env, this.options.connectDeadlineMs ?? 5000, this.cancel.signal);
      if (this.stopped) return;
      session = new Session(new EngineClient(target, apiVersion, env), apiVersion);
      this.establishing = session;
      await this.options.establish(session);
      this.establishing = null;
      if (session.dead) throw session.reason ?? new Error('the session ended while it was being set up');
      if (this.stopped) throw new Error('stopped');
      this.session = session;
      this.failures = 0;
      this.setState({ phase: 'connected', error: null, apiVersion, attempt: 0, nextAttemptAt: null });
    } catch (error) {
      this.establishing = null;
      if (session) {
        session.dead = true;
        this.options.teardown(session);
        session.client.close();
      }
      if (this.stopped) return;
      this.failures += 1;
      const delay = backoffDelay(this.failures, this.backoff);
      this.setState({ phase: 'unreachable', error: toError(error), apiVersion: null, attempt: this.failures, nextAttemptAt: Date.now() + delay });
      this.schedule(delay);
      this.watchSocket();
    }
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, delay);
  }

  /** A unix socket's folder: a socket created again means an engine is back. */
  private watchSocket(): void {
    if (this.watcher || this.stopped) return;
    let path: string;
    try {
      const address = parseEngineHost(this.options.target.host);
      if (address.kind !== 'unix') return;
      path = address.path;
    } catch {
      return;
    }
    const name = basename(path);
    try {
      this.watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
        if (file === null || file.toString() === name) this.poke();
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      this.watcher = null; // the folder does not exist (yet): backoff alone, watched again after a failure
    }
  }

  private setState(next: ConnectionState): void {
    this.current = next;
    this.options.onState(next);
  }
}

function toError(reason: unknown): SiloError {
  if (reason === null || reason === undefined) return siloError('engine-unreachable');
  return isConnectionError(reason) ? mapConnectionError(reason) : mapEngineError(reason);
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
