// Shared pieces of the backend integration tests: a fresh GET /info over the engine's own
// socket, and the safe-apply target for a private test engine, built the way the lead wires it
// (linuxDaemonTarget: the dockerd on the socket, its command line).
import { request } from 'node:http';
import type { RawInfo } from '../../../src/shared/engine-api';
import type { DaemonTarget } from '../../../src/main/backends/daemon-apply';
import { linuxDaemonTarget } from '../../../src/main/backends/targets';
import type { TestEngine } from '../../support/test-engine';

export function getInfo(socketPath: string, timeoutMs = 2_000): Promise<RawInfo> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/info', method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`GET /info answered ${res.statusCode}: ${body}`));
        else resolve(JSON.parse(body) as RawInfo);
      });
    });
    req.on('timeout', () => req.destroy(new Error('GET /info timed out')));
    req.on('error', reject);
    req.end();
  });
}

export async function targetFor(engine: TestEngine): Promise<DaemonTarget> {
  const target = await linuxDaemonTarget({ socketPath: engine.socketPath, readInfo: () => getInfo(engine.socketPath) });
  if (!target) throw new Error('the test engine was not found on its socket');
  return target;
}
