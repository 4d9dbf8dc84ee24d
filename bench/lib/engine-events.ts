// The engine's own events stream, read by the benchmark itself: the moment (timeNano) the engine
// says a container started or died, to compare with the moment the page shows it.
import { request, type ClientRequest } from 'node:http';

export interface SeenEvent {
  id: string;
  name: string;
  action: string;
  /** Engine time, epoch ms with sub-ms precision (from timeNano). */
  time: number;
}

export interface EventReader {
  events: SeenEvent[];
  /** The first event matching `match` at or after index `from`, waiting up to `timeoutMs`. */
  waitFor(match: (event: SeenEvent) => boolean, timeoutMs: number, from?: number): Promise<SeenEvent>;
  close(): void;
}

export function readEngineEvents(socketPath: string): Promise<EventReader> {
  const events: SeenEvent[] = [];
  const waiters = new Set<() => void>();
  const filters = encodeURIComponent(JSON.stringify({ type: ['container'] }));
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request({ socketPath, path: `/v1.41/events?filters=${filters}`, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /events: ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (!line) continue;
          const raw = JSON.parse(line) as { Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; timeNano?: number };
          events.push({
            id: raw.Actor?.ID ?? '',
            name: raw.Actor?.Attributes?.name ?? '',
            action: (raw.Action ?? '').split(':')[0]!,
            time: (raw.timeNano ?? 0) / 1e6,
          });
          for (const wake of [...waiters]) wake();
        }
      });
      resolve({
        events,
        waitFor(match, timeoutMs, from = 0) {
          return new Promise<SeenEvent>((found, fail) => {
            const check = (): boolean => {
              for (let i = from; i < events.length; i += 1) {
                if (match(events[i]!)) {
                  waiters.delete(wake);
                  clearTimeout(timer);
                  found(events[i]!);
                  return true;
                }
              }
              return false;
            };
            const wake = () => void check();
            const timer = setTimeout(() => {
              waiters.delete(wake);
              fail(new Error(`no matching engine event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.add(wake);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
