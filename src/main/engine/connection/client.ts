// A thin client for one endpoint, on dockerode's modem (modem.ts): unix socket, named pipe, TCP
// (with TLS) or SSH. It never sets the modem's `timeout` (an inactivity timer that kills an idle
// events stream, also set by DOCKER_CLIENT_TIMEOUT); callers pass an AbortSignal instead.
// A request refused at connect (no socket, nobody listening) is told to `onRefused`, whoever made
// it: the engine is gone, whichever capability noticed first.
import { Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import type { Duplex } from 'node:stream';
import { SiloFailure, siloError } from '../../../shared/errors';
import { parseEngineHost } from './address';
import { loadModem, type Modem } from './modem';
import type { TlsSettings } from './contexts';

export interface ClientTarget {
  host: string;
  tls: TlsSettings | null;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
  /** A JSON body (POST only): create, update, connect. */
  body?: object;
}

/** A request the other methods cannot make (see `open`). */
export interface RawRequestOptions {
  /** HEAD and PUT: the archive endpoints (a path's stat header; a tar put into a container). */
  method: 'GET' | 'POST' | 'PUT' | 'HEAD';
  query?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
  /** A JSON body. */
  body?: object;
  /** A body streamed to the engine (an image archive for load or import). */
  file?: NodeJS.ReadableStream;
  /** Upgrade the connection (exec start with stdin): resolves with the raw duplex socket. */
  hijack?: boolean;
  /** A registry's credentials for a pull, sent as X-Registry-Auth (registry-auth.ts). */
  registryAuth?: object;
}

const OK_CODES: Record<number, true | string> = { 200: true, 201: true, 204: true, 304: 'not modified' };

export class EngineClient {
  private readonly modem: Modem;
  private readonly agent: HttpAgent | null;

  /** `apiVersion` null: no version prefix (only for GET /version while negotiating). */
  constructor(
    target: ClientTarget,
    readonly apiVersion: string | null,
    env: NodeJS.ProcessEnv,
    private readonly onRefused?: (error: unknown) => void,
  ) {
    const { options, agent } = modemOptions(target, apiVersion, env);
    this.agent = agent;
    try {
      this.modem = new (loadModem())(options);
    } catch (error) {
      agent?.destroy();
      throw new SiloFailure(siloError('engine-error', { detail: (error as Error).message }));
    }
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('GET', path, options);
  }

  post<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('POST', path, options);
  }

  delete<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.call<T>('DELETE', path, options);
  }

  /** A long-lived response (the events stream); resolves once the engine has answered. */
  stream(path: string, options: RequestOptions = {}): Promise<IncomingMessage> {
    return this.dial<IncomingMessage>('GET', path, options, true);
  }

  /**
   * A streamed body or an upgraded connection: resolves with the engine's response (or, with
   * `hijack`, the upgraded socket) once it has answered with a success status.
   */
  open(path: string, options: RawRequestOptions): Promise<IncomingMessage | Duplex> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      const query = options.query ?? {};
      const hasQuery = Object.keys(query).length > 0;
      this.modem.dial(
        {
          path: hasQuery ? `${path}?` : path,
          method: options.method,
          options: { _query: query, _body: options.body ?? {} },
          abortSignal: options.signal,
          isStream: true,
          ...(options.registryAuth ? { authconfig: options.registryAuth } : {}),
          ...(options.file ? { file: options.file } : {}),
          ...(options.hijack ? { hijack: true, openStdin: true } : {}),
          statusCodes: OK_CODES,
        },
        (error, data) => (error ? reject(this.refused(error)) : resolve(data as IncomingMessage | Duplex)),
      );
    });
  }

  /** Close every socket this client holds, streams included. */
  close(): void {
    this.agent?.destroy();
  }

  /** Tells `onRefused` of a connect that found no engine; returns the error unchanged. */
  private refused(error: unknown): unknown {
    if (this.onRefused && isRefusedAtConnect(error)) this.onRefused(error);
    return error;
  }

  private call<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    return this.dial<T>(method, path, options, false);
  }

  private dial<T>(method: string, path: string, options: RequestOptions, isStream: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      const query = options.query ?? {};
      const hasQuery = Object.keys(query).length > 0;
      this.modem.dial(
        {
          // The modem appends a query string only to a path that ends in `?`.
          path: hasQuery ? `${path}?` : path,
          method,
          // `_body: {}` keeps the modem from sending the query again as a JSON body.
          options: { _query: query, _body: options.body ?? {} },
          abortSignal: options.signal,
          isStream,
          statusCodes: OK_CODES,
        },
        (error, data) => (error ? reject(this.refused(error)) : resolve((isStream ? data : falsyJson(data)) as T)),
      );
    });
  }
}

/**
 * docker-modem parses a JSON body with `parse(text) || buffer`, so an answer of `null` (Engine
 * 20.10's empty list for GET /containers/{id}/changes, among others), `false` or `0` arrives as
 * its raw bytes: those become the value they spell. Any other body is left as it came.
 */
export function falsyJson(data: unknown): unknown {
  if (!Buffer.isBuffer(data) || data.length > 16) return data;
  const text = data.toString('utf8').trim();
  if (text === 'null') return null;
  if (text === 'false') return false;
  if (text === '0') return 0;
  if (text === '""') return '';
  return data;
}

/** ENOENT or ECONNREFUSED from connect(2): the socket is gone or nobody listens on it. */
export function isRefusedAtConnect(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; syscall?: unknown; statusCode?: unknown };
  return e.statusCode === undefined && e.syscall === 'connect' && (e.code === 'ENOENT' || e.code === 'ECONNREFUSED');
}

/**
 * docker-modem formats every request's options with util.inspect (showHidden, depth: null) for
 * its debug log even when debugging is off. Walking a keep-alive agent and its pooled sockets
 * cost about 13 ms per request, most of the host's CPU while it inspected 1,000 containers
 * (bench/README.md): the agent prints as its name instead.
 */
function quiet<A extends HttpAgent>(agent: A): A {
  Object.defineProperty(agent, inspect.custom, { value: () => `[${agent.constructor.name}]` });
  return agent;
}

function modemOptions(target: ClientTarget, apiVersion: string | null, env: NodeJS.ProcessEnv): { options: Record<string, unknown>; agent: HttpAgent | null } {
  // Every field the modem would otherwise take from process.env is set here, if only to undefined.
  const base = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    username: undefined,
    protocol: 'http',
    ca: undefined,
    cert: undefined,
    key: undefined,
    timeout: undefined,
    connectionTimeout: undefined,
    pathPrefix: '/',
    version: apiVersion ? `v${apiVersion}` : undefined,
  };
  const address = parseEngineHost(target.host, target.tls !== null);
  switch (address.kind) {
    case 'unix':
    case 'npipe': {
      const agent = quiet(new HttpAgent({ keepAlive: true }));
      return { options: { ...base, socketPath: address.path, agent }, agent };
    }
    case 'tcp': {
      if (!address.https && target.tls === null) {
        const agent = quiet(new HttpAgent({ keepAlive: true }));
        return { options: { ...base, host: address.host, port: address.port, agent }, agent };
      }
      const files = readTls(target.tls);
      const verify = target.tls?.verify ?? true;
      const agent = quiet(new HttpsAgent({ keepAlive: true, ...files, rejectUnauthorized: verify }));
      return { options: { ...base, host: address.host, port: address.port, protocol: 'https', ...files, agent }, agent };
    }
    case 'ssh':
      return {
        options: {
          ...base,
          host: address.host,
          port: address.port,
          username: address.user ?? undefined,
          protocol: 'ssh',
          sshOptions: { agent: env.SSH_AUTH_SOCK },
        },
        agent: null,
      };
  }
}

function readTls(tls: TlsSettings | null): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  const read = (path: string | null): Buffer | undefined => {
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (error) {
      throw new SiloFailure(siloError('engine-unreachable', { detail: `cannot read ${path}: ${(error as Error).message}` }));
    }
  };
  const files: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  const ca = read(tls?.caPath ?? null);
  const cert = read(tls?.certPath ?? null);
  const key = read(tls?.keyPath ?? null);
  if (ca) files.ca = ca;
  if (cert) files.cert = cert;
  if (key) files.key = key;
  return files;
}
