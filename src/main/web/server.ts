// The browser host: the same renderer and the same contract as the desktop app, over HTTP and a
// WebSocket on loopback only, for machines without a display and for the browser tests.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireEvent, WireResponse } from '../../shared/contract';
import { siloError } from '../../shared/errors';
import { createDispatch } from '../host/dispatch';
import { inFlightGate } from '../host/in-flight';
import type { SessionHub } from '../host/sessions';
import { Credentials } from './credentials';
import { NOT_A_REQUEST_ID, parseFrame } from './frame';
import { WS_PROTOCOL, hostAllowed, originAllowed, protocolSecret } from './guard';
import { LIMITS, limitConnections, serverOptions } from './limits';
import { handleHttp, parseUrl } from './routes';
import { socketFlow } from './socket-flow';

export interface WebHostOptions {
  hub: SessionHub;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Fixed one-time code of the first address, for tests; a fresh random one otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  port: number;
  /** The one-time code of the first address. */
  token: string;
  /** The first address: it opens Silo once. */
  url: string;
  /** A fresh address with a fresh one-time code (`--new-link`). */
  newLink(): string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_MESSAGE_BYTES = 1024 * 1024;
const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const credentials = new Credentials(options.token);
  const log = options.log ?? (() => undefined);
  let port = 0;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Echo Silo's protocol, never the secret that came with it.
    handleProtocols: () => WS_PROTOCOL,
  });
  const context = { staticDir: options.staticDir, credentials, port: () => port };
  const server = createServer(serverOptions(), (req, res) => {
    res.once('close', limiter.busy(req.socket));
    handleHttp(context, req, res);
  });
  server.timeout = LIMITS.requestTimeoutMs;
  const limiter = limitConnections(server);
  server.on('upgrade', (req, socket, head) => handleUpgrade(req, socket, head));

  /** Host, then secret, then Origin, then path: null when allowed, else the status to answer. */
  function refuseUpgrade(req: IncomingMessage): number | null {
    const url = parseUrl(req);
    if (!url) return 400;
    if (!hostAllowed(req.headers.host, port)) return 403;
    if (!credentials.secretValid(protocolSecret(req.headers['sec-websocket-protocol']))) return 401;
    if (!originAllowed(req.headers.origin, port)) return 403;
    if (url.pathname !== '/ws') return 404;
    return null;
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const status = refuseUpgrade(req);
    if (status !== null) {
      // Refused before any work: a few bytes, then the connection is gone.
      socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
      return;
    }
    limiter.trust(socket as Socket);
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
      const request = isBinary ? null : parseFrame(data.toString());
      if (!request) return reply({ id: NOT_A_REQUEST_ID, ok: false, error: siloError('validation', { field: 'message' }) });
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

  const address = (code: string) => `http://${LOOPBACK}:${port}/?token=${code}`;
  return {
    port,
    token: credentials.firstCode,
    url: address(credentials.firstCode),
    newLink: () => address(credentials.issueCode()),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
