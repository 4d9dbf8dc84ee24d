// The engine's own floor: one raw Engine API call on the unix socket, a fresh connection each
// time, timed until the last byte of the answer.
import { request } from 'node:http';
import { nowMs } from './measure';

export function timedGet(socketPath: string, path: string): Promise<{ ms: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const req = request({ socketPath, path, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ ms: nowMs() - started, bytes, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
