// containers.create: the form checked again with the engine's own facts (its OS, runtimes and
// CPUs), the image looked up locally, the container created and, when asked, started.
import type { RawInfo } from '../../shared/engine-api';
import { SiloFailure, siloError } from '../../shared/errors';
import { toEngineInfo } from '../../shared/isolation';
import type { CreateContainerResult, CreateContainerSpec } from '../../shared/model/create';
import { validateCreateSpec } from '../../shared/validate/create-spec';
import { mapEngineError } from '../engine/errors';
import type { EngineOps } from './engine-ops';
import { buildCreateBody } from './create-body';

export async function createContainer(ops: EngineOps, spec: CreateContainerSpec): Promise<CreateContainerResult> {
  const raw: RawInfo & { NCPU?: number } = await ops.info();
  const engine = toEngineInfo(raw);
  const os = engine.osType === 'windows' ? 'windows' : 'linux';
  const problems = validateCreateSpec(spec, {
    os,
    runtimes: engine.runtimes.map((r) => r.name),
    ...(typeof raw.NCPU === 'number' ? { cpus: raw.NCPU } : {}),
  });
  const first = problems[0];
  if (first) {
    const code =
      first.rule === 'engine-socket'
        ? 'engine-socket-refused'
        : first.rule === 'reserved-key'
          ? 'reserved-key'
          : first.rule === 'isolation'
            ? os === 'windows'
              ? 'invalid-isolation'
              : 'unknown-runtime'
            : 'validation';
    throw new SiloFailure(siloError(code, { field: first.field, params: { rule: first.rule, ...first.params } }));
  }
  if ((await ops.inspectImage(spec.image)) === null) throw new SiloFailure(siloError('image-not-found', { field: 'image', params: { image: spec.image } }));

  const name = spec.name ? spec.name.replace(/^\//, '') : null;
  const { id, warnings } = await ops.create(name, buildCreateBody(spec, os));
  let started = false;
  let startError = null;
  if (spec.start === true) {
    try {
      await ops.start(id);
      started = true;
    } catch (error) {
      startError = error instanceof SiloFailure ? error.error : mapEngineError(error);
    }
  }
  const created = await ops.inspect(id).catch(() => null);
  return { id, name: created ? created.Name.replace(/^\//, '') : (name ?? id.slice(0, 12)), started, startError, warnings };
}
