// A move request (a selection, or a compose project) as groups: one per compose project (all or
// nothing), one per container outside a project. Every container is read again and planned
// before anything changes; one refusal (a writable layer without the person's answer, a blocker)
// refuses the whole request, and nothing is touched. A member already under the target is left
// as it is (a project with one member there still moves the others, all or nothing).
import { SiloFailure, siloError } from '../../shared/errors';
import type { WritableLayerDecision } from '../../shared/model/move';
import type { EngineOps } from './engine-ops';
import { gather, planFor, targetFor, type Planned } from './planning';

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';

export interface MoveRequest {
  ids?: string[];
  project?: string;
  target: string;
  /** By container id, full or short. */
  choices?: Record<string, WritableLayerDecision>;
  /** Containers (full or short id) whose "will not work as before" findings the person acknowledged. */
  acknowledged?: string[];
}

export interface MoveGroup {
  project: string | null;
  members: Planned[];
  /** Members already under the target: they stay as they are, and the report says so. */
  alreadyThere: Array<{ id: string; name: string }>;
}

function choiceFor(choices: MoveRequest['choices'], id: string): WritableLayerDecision | undefined {
  for (const [key, value] of Object.entries(choices ?? {})) if (id.startsWith(key)) return value;
  return undefined;
}

async function containerIds(ops: EngineOps, request: MoveRequest): Promise<string[]> {
  if (request.project === undefined) return request.ids ?? [];
  const found = await ops.listContainers([`${COMPOSE_PROJECT_LABEL}=${request.project}`]);
  if (found.length === 0) throw new SiloFailure(siloError('container-not-found', { params: { project: request.project } }));
  return found.map((c) => c.Id);
}

export async function prepareGroups(ops: EngineOps, request: MoveRequest): Promise<MoveGroup[]> {
  const groups = new Map<string, MoveGroup>();
  const seen = new Set<string>();
  for (const id of await containerIds(ops, request)) {
    const g = await gather(ops, id);
    if (seen.has(g.inspect.Id)) continue;
    seen.add(g.inspect.Id);
    const planned = planFor(g, targetFor(g.engine, request.target), choiceFor(request.choices, g.inspect.Id));
    const { plan } = planned;
    const project = g.inspect.Config.Labels?.[COMPOSE_PROJECT_LABEL] ?? null;
    const key = project === null ? `container:${g.inspect.Id}` : `project:${project}`;
    const group = groups.get(key) ?? { project, members: [], alreadyThere: [] };
    groups.set(key, group);
    // Already where the person wants it: nothing to do, nothing to ask, nothing that can block.
    if (plan.blockers.some((b) => b.code === 'same-isolation')) {
      group.alreadyThere.push({ id: plan.containerId, name: plan.name });
      continue;
    }
    if (planned.choiceRequired) {
      throw new SiloFailure(
        siloError('writable-layer-choice-required', { params: { name: plan.name, id: plan.containerId, changes: g.changes?.length ?? 0 } }),
      );
    }
    if (plan.blockers.length > 0) {
      throw new SiloFailure(
        siloError('recreate-blocked', {
          params: {
            name: plan.name,
            id: plan.containerId,
            blockers: plan.blockers.map((b) => (b.code === 'gvisor-limit' ? `gvisor-limit:${b.params['limit']}` : b.code)).join(','),
          },
        }),
      );
    }
    // What will not work as before (a runtime that cuts the network, say) is never done silently.
    const unacknowledged = plan.gvisorLimits.filter((l) => l.severity === 'warns').map((l) => l.code);
    if (unacknowledged.length > 0 && !(request.acknowledged ?? []).some((key) => key.length > 0 && g.inspect.Id.startsWith(key))) {
      throw new SiloFailure(siloError('move-not-acknowledged', { params: { name: plan.name, id: plan.containerId, limits: unacknowledged.join(',') } }));
    }
    group.members.push(planned);
  }
  // Within a project, a stable order: by name.
  for (const group of groups.values()) group.members.sort((a, b) => a.plan.name.localeCompare(b.plan.name));
  return [...groups.values()];
}
