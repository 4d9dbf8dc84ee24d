// Shared pieces of the backend integration tests: a fresh GET /info over the engine's own
// socket, and the safe-apply target for a private test engine, found the way Silo finds a
// local dockerd (the process on the socket, its command line).
import { request } from 'node:http';
import type { RawInfo } from '../../../src/shared/engine-api';
import type { DaemonConfigTarget } from '../../../src/main/backends/daemon-config';
import { locateLinuxDaemon, pidFromFile } from '../../../src/main/backends/daemon-locator';
import { nodeFileOps } from '../../../src/main/backends/file-ops';
import { signalReloader } from '../../../src/main/backends/reloader';
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

/** The target as the lead will wire it: located from the socket, pid re-read from the pid file. */
export async function targetFor(engine: TestEngine): Promise<DaemonConfigTarget> {
  const daemon = await locateLinuxDaemon({ fs: nodeFileOps, socketPath: engine.socketPath });
  if (!daemon) throw new Error('the test engine was not found on its socket');
  const pidFile = daemon.pidFile ?? engine.pidFile;
  return {
    platform: 'linux',
    configFile: daemon.configFile,
    reloader: signalReloader(() => pidFromFile(nodeFileOps, pidFile)),
    readInfo: () => getInfo(engine.socketPath),
    commandLineFlags: daemon.args.flags,
    commandLineRuntimes: daemon.args.addedRuntimes,
  };
}
