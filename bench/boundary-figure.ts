// How long the effective boundary of 1,000 containers takes to compute (issue 14: under 20 ms
// added to the list). Pure rules, no engine: `npx tsx bench/boundary-figure.ts`. A figure, not a test.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { RawContainerInspect, RawInfo } from '../src/shared/engine-api';
import { computeBoundary } from '../src/shared/isolation/boundary';
import { toEngineInfo } from '../src/shared/isolation/engine-info';

const info = toEngineInfo(JSON.parse(readFileSync(new URL('../test/fixtures/engine-info/linux-gvisor-centos7.json', import.meta.url), 'utf8')) as RawInfo);
const base = JSON.parse(readFileSync(new URL('../test/fixtures/docker-desktop-wsl2/containers/portainer.json', import.meta.url), 'utf8')) as RawContainerInspect;
const variants = [{}, { Privileged: true }, { CapAdd: ['SYS_ADMIN', 'NET_ADMIN'] }, { Binds: ['/:/host', '/home/ana:/h'] }, { ReadonlyRootfs: true, CapDrop: ['ALL'] }];
const inspects = Array.from({ length: 1000 }, (_, i) => ({ ...base, Id: `${i}`, HostConfig: { ...base.HostConfig, ...variants[i % variants.length] } }) as RawContainerInspect);

const runs: number[] = [];
for (let r = 0; r < 7; r++) {
  const started = performance.now();
  for (const inspect of inspects) computeBoundary({ inspect, info, endpointHost: 'unix:///var/run/docker.sock' });
  runs.push(performance.now() - started);
}
runs.sort((a, b) => a - b);
console.log(`boundary of 1,000 containers: median ${runs[3]!.toFixed(2)} ms, best ${runs[0]!.toFixed(2)} ms, worst ${runs[6]!.toFixed(2)} ms (target < 20 ms)`);
