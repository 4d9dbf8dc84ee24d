// How long the effective boundary of 1,000 containers takes to compute (issue 14: under 20 ms
// added to the list). Pure rules, no engine: `npx tsx bench/boundary-figure.ts`. A figure, not a test.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { RawContainerInspect, RawInfo } from '../src/shared/engine-api';
import { computeBoundary } from '../src/shared/isolation/boundary';
import { toEngineInfo } from '../src/shared/isolation/engine-info';
import { choicesFromInspect, hostPathsOf, rootFindings } from '../src/shared/isolation/root-access';
import { resolveIsolation } from '../src/shared/isolation/resolve';

const info = toEngineInfo(JSON.parse(readFileSync(new URL('../test/fixtures/engine-info/linux-gvisor-centos7.json', import.meta.url), 'utf8')) as RawInfo);
const base = JSON.parse(
  readFileSync(new URL('../test/fixtures/docker-desktop-wsl2/containers/portainer.json', import.meta.url), 'utf8'),
) as RawContainerInspect;
const variants = [
  {},
  { Privileged: true },
  { CapAdd: ['SYS_ADMIN', 'NET_ADMIN'] },
  { Binds: ['/:/host', '/home/ana:/h'] },
  { ReadonlyRootfs: true, CapDrop: ['ALL'] },
];
const inspects = Array.from(
  { length: 1000 },
  (_, i) => ({ ...base, Id: `${i}`, HostConfig: { ...base.HostConfig, ...variants[i % variants.length] } }) as RawContainerInspect,
);

const host = 'unix:///var/run/docker.sock';
// What the list adds per inspect: main keeps each container's isolation, binds and root findings
// from its first inspect (container-store.ts), so only the boundary rules run again.
const cached = inspects.map((inspect) => {
  const choices = choicesFromInspect(inspect);
  return { inspect, info, isolation: resolveIsolation(inspect.HostConfig, info), choices, rootAccess: rootFindings(choices, hostPathsOf(info, host)) };
});

function figure(what: string, run: () => void): void {
  run(); // warm the JIT: the list computes these again and again
  const runs: number[] = [];
  for (let r = 0; r < 9; r++) {
    const started = performance.now();
    run();
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  console.log(`${what}: median ${runs[4]!.toFixed(2)} ms, best ${runs[0]!.toFixed(2)} ms (target < 20 ms)`);
}

figure('boundary of 1,000 containers, as the list computes it', () => {
  for (const input of cached) computeBoundary(input);
});
figure('boundary of 1,000 containers from scratch (root findings included)', () => {
  for (const inspect of inspects) computeBoundary({ inspect, info, endpointHost: host });
});
