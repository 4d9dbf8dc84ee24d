// The browser host: the same renderer and the same contract as the desktop app, over HTTP and a
// WebSocket on loopback only, for machines without a display and for the browser tests.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireEvent, WireResponse } from '../../shared/contract';
import { siloError } from '../../shared/errors';
import { createDispatch } from '../host/dispatch';
import { inFlightGate } from '../host/in-flight';
import type { SessionHub } from '../host/sessions';
import { RENDERER_CSP, resolveStatic } from '../host/static-files';
import { socketFlow } from './socket-flow';
import { TOKEN_COOKIE, cookieToken, hostAllowed, newToken, originAllowed, tokensEqual } from './guard';

export interface WebHostOptions {
  hub: SessionHub;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_MESSAGE_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const log = options.log ?? (() => undefined);
  let port = 0;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer((req, res) => handleHttp(req, res));
  server.on('upgrade', (req, socket, head) => handleUpgrade(req, socket, head));

  function authorised(req: IncomingMessage, url: URL): boolean {
    return tokensEqual(token, url.searchParams.get('token')) || tokensEqual(token, cookieToken(req.headers.cookie));
  }

  /** Host, then token, then Origin: null when allowed, else the status to answer. */
  function refuse(req: IncomingMessage, url: URL): number | null {
    if (!hostAllowed(req.headers.host, port)) return 403;
    if (!authorised(req, url)) return 401;
    if (!originAllowed(req.headers.origin, port)) return 403;
    return null;
  }

  function handleHttp(req: IncomingMessage, res: ServerResponse): void {
    const url = parseUrl(req);
    const status = url ? refuse(req, url) : 400;
    if (status !== null || !url) return plain(res, status ?? 400);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405);
    if (url.searchParams.has('token')) {
      // Trade the token in the address for an HttpOnly cookie, and drop it from the address bar.
      // The place after `#` never reaches us; a Location without a fragment keeps it (RFC 9110
      // §10.2.2), so `?token=…#/containers/<id>/logs` lands on that container's logs.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    const file = resolveStatic(options.staticDir, url.pathname);
    if (!file) return plain(res, 404);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = parseUrl(req);
    const status = url ? refuse(req, url) : 400;
    if (status !== null || url?.pathname !== '/ws') {
      socket.end(
        `HTTP/1.1 ${status ?? 404} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  }

  function serveSocket(ws: WebSocket): void {
    const flow = socketFlow(ws);
    const reply = (frame: WireResponse | WireEvent): void => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(JSON.stringify(frame));
      flow.sent();
    };
    const session = options.hub.open((event, payload) => reply({ event, payload }), { buffered: () => ws.bufferedAmount });
    const dispatch = createDispatch(session.handlers, (error) => log(`internal error: ${(error as Error)?.stack ?? error}`), inFlightGate());
    ws.on('message', async (data, isBinary) => {
      const request = isBinary ? null : parseRequest(data.toString());
      if (!request) return reply({ id: -1, ok: false, error: siloError('validation', { field: 'message' }) });
      reply({ id: request.id, ...(await dispatch(request.call, request.args)) });
    });
    const close = (): void => {
      flow.close();
      session.close();
    };
    ws.on('close', close);
    ws.on('error', close);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  log(`browser host listening on ${LOOPBACK}:${port}`);

  return {
    port,
    token,
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://loopback');
  } catch {
    return null;
  }
}

function parseRequest(text: string): { id: number; call: unknown; args: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, call, args } = value as { id?: unknown; call?: unknown; args?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  return { id, call, args };
}

function plain(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status}\n`);
}
