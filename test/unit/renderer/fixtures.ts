// Small builders for container rows used across the renderer tests.
import type { ContainerSummary } from '../../../src/shared/model/container';
import type { Rung } from '../../../src/shared/model/isolation';

let counter = 0;

export function hexId(n: number): string {
  return n.toString(16).padStart(12, '0');
}

export function container(overrides: Partial<ContainerSummary> & { rung?: Rung | null; mode?: string } = {}): ContainerSummary {
  counter += 1;
  const { rung = 'shared-kernel', mode = 'runc', ...rest } = overrides;
  return {
    id: hexId(counter),
    name: `c${counter}`,
    image: 'busybox:latest',
    state: 'running',
    statusText: 'Up 5 minutes',
    detail: null,
    createdAt: 0,
    ports: [],
    composeProject: null,
    composeService: null,
    isolation: rung === null ? null : { mode, rung, source: 'daemon-default' },
    mountsEngineSocket: false,
    rootAccess: [],
    boundary: null,
    labels: {},
    ...rest,
  };
}
