// A counting proxy in front of the engine's unix socket: every HTTP request that passes is
// recorded (method, path, when), then forwarded unchanged; responses stream back as they come,
// so a long-lived GET /events stays one open request.
import { createServer, request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { nowMs } from './measure';

export interface SeenRequest {
  at: number;
  method: string;
  path: string;
  /** Still open (a stream), or finished. */
  open: boolean;
}

export interface CountingProxy {
  socketPath: string;
  dockerHost: string;
  requests: SeenRequest[];
  /** Requests that started at or after `since` (epoch ms). */
  since(since: number): SeenRequest[];
  close(): Promise<void>;
}

export async function startCountingProxy(engineSocket: string, socketPath: string): Promise<CountingProxy> {
  rmSync(socketPath, { force: true });
  const requests: SeenRequest[] = [];
  const record = (req: IncomingMessage): SeenRequest => {
    const seen: SeenRequest = { at: nowMs(), method: req.method ?? '?', path: req.url ?? '?', open: true };
    requests.push(seen);
    return seen;
  };

  const server = createServer((req, res) => {
    const seen = record(req);
    const upstream = request({ socketPath: engineSocket, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      // A stream (GET /events) may send no byte for a long time: its headers go out now.
      res.flushHeaders();
      answer.pipe(res);
      answer.on('end', () => (seen.open = false));
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => {
      seen.open = false;
      upstream.destroy();
    });
    req.pipe(upstream);
  });
  // Hijacked connections (attach, exec) are counted too, then spliced raw.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    record(req);
    const upstream = connect(engineSocket, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    socketPath,
    dockerHost: `unix://${socketPath}`,
    requests,
    since: (since) => requests.filter((r) => r.at >= since),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
