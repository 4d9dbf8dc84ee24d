// One endpoint's connection: negotiate the API version, set up a session (the caller's
// `establish`: info, events stream, list), show the state, and when the session dies reconnect
// by itself with backoff. For a unix socket, its file going away ends the session at once (a
// graceful stop removes it, then runs on while it stops its containers), and a re-created socket
// file triggers an attempt at once. A call refused at connect ends the session too.
import type { ConnectionState } from '../../../shared/model/engine';
import { SiloFailure, siloError, type SiloError } from '../../../shared/errors';
import { negotiateApiVersion } from './api-version';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { EngineClient, type ClientTarget } from './client';
import { isConnectionError, mapConnectionError, mapEngineError } from '../errors';
import { SocketWatch, unixSocketPath } from './socket-watch';

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
  private readonly socket: SocketWatch | null;
  private stopped = false;
  /** Aborted on stop, so an attempt in flight ends at once. */
  private readonly cancel = new AbortController();
  private establishing: Session | null = null;

  constructor(private readonly options: ConnectionOptions) {
    const path = unixSocketPath(options.target.host);
    this.socket = path ? new SocketWatch(path, { gone: (gone) => this.socketGone(gone), present: () => this.poke() }) : null;
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** The live session, or null while not connected. */
  get live(): Session | null {
    return this.session;
  }

  /** Runs the first attempt; resolves when it has succeeded or failed (never throws). */
  start(): Promise<void> {
    this.socket?.ensure();
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
    this.socket?.close();
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
      const client: EngineClient = new EngineClient(target, apiVersion, env, (error) => {
        if (session?.client === client) this.lost(session, error);
      });
      session = new Session(client, apiVersion);
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
      this.socket?.ensure();
    }
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, delay);
  }

  /** The socket file went away: whatever is connected (or connecting) has lost its engine. */
  private socketGone(path: string): void {
    const session = this.session ?? this.establishing;
    if (!session) return;
    this.lost(session, new SiloFailure(siloError('engine-unreachable', { detail: `the engine's socket ${path} was removed: the engine is stopping` })));
    if (session === this.establishing) session.client.close();
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
