// containers.create: the form checked again with the engine's own facts (its OS, runtimes and
// CPUs), every bind source followed to where the engine will mount it from, each root-equivalent
// choice matched with the person's consent, the image looked up locally, the container created
// and, when asked, started.
import type { RawInfo } from '../../shared/engine-api';
import { SiloFailure, siloError } from '../../shared/errors';
import { toEngineInfo } from '../../shared/isolation';
import { runtimeChoosable } from '../../shared/isolation/engine-info';
import {
  choicesFromSpec,
  hostPathsOf,
  rootFindings,
  volumeBindSource,
  withoutConsent,
  type BindChoice,
  type RootFinding,
} from '../../shared/isolation/root-access';
import type { CreateContainerResult, CreateContainerSpec } from '../../shared/model/create';
import { validateCreateSpec } from '../../shared/validate/create-spec';
import { parseVolumeSpec, type VolumeOs } from '../../shared/validate/volumes';
import { resolveBindSources } from '../engine/bind-sources';
import { mapEngineError } from '../engine/errors';
import type { EngineOps } from './engine-ops';
import { buildCreateBody } from './create-body';

/** The refusal of choices without consent: each named, so the form can ask for exactly those. */
export function consentNeeded(missing: readonly RootFinding[]): SiloFailure {
  const params: Record<string, string | number> = { count: missing.length, settings: [...new Set(missing.map((f) => f.setting))].join(', ') };
  missing.forEach((f, i) => {
    params[`code.${i}`] = f.code;
    params[`setting.${i}`] = f.setting;
    if (f.path !== null) params[`path.${i}`] = f.path;
  });
  return new SiloFailure(siloError('consent-needed', { field: 'acknowledged', params }));
}

/** Named volumes of the form that are binds of a host path in disguise (volumeBindSource). */
async function volumeBinds(ops: EngineOps, spec: CreateContainerSpec, os: VolumeOs): Promise<BindChoice[]> {
  const out: BindChoice[] = [];
  for (const raw of spec.volumes ?? []) {
    const r = parseVolumeSpec(raw, os);
    if (!r.ok || r.spec.kind !== 'volume') continue;
    const source = volumeBindSource(await ops.inspectVolume(r.spec.source));
    if (source !== null) out.push({ source, readOnly: r.spec.readOnly, setting: raw.trim() });
  }
  return out;
}

export async function createContainer(ops: EngineOps, spec: CreateContainerSpec, endpointHost: string | null = null): Promise<CreateContainerResult> {
  const raw: RawInfo & { NCPU?: number } = await ops.info();
  const engine = toEngineInfo(raw);
  const os = engine.osType === 'windows' ? 'windows' : 'linux';
  const problems = validateCreateSpec(spec, {
    os,
    runtimes: engine.runtimes.map((r) => r.name),
    ...(typeof raw.NCPU === 'number' ? { cpus: raw.NCPU } : {}),
  });
  const first = problems[0];
  const asked = os === 'linux' ? (spec.isolation ?? '').trim() : '';
  if (!first && asked !== '' && !runtimeChoosable(engine, asked)) {
    throw new SiloFailure(siloError('runtime-not-choosable', { field: 'isolation', params: { runtime: asked, default: engine.defaultRuntime ?? '' } }));
  }
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
  const choices = choicesFromSpec(spec, os);
  choices.binds.push(...(await volumeBinds(ops, spec, os)));
  const findings = rootFindings(resolveBindSources(choices, endpointHost), hostPathsOf(engine, endpointHost));
  const missing = withoutConsent(findings, spec.acknowledged);
  if (missing.length > 0) throw consentNeeded(missing);
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
  // Read back what was made: an engine may take a runtime and use another.
  const created = await ops.inspect(id).catch(() => null);
  const got = typeof created?.HostConfig?.Runtime === 'string' ? created.HostConfig.Runtime.trim() : '';
  const isolationMismatch = asked !== '' && got !== '' && got !== asked ? { asked, got } : null;
  return { id, name: created ? created.Name.replace(/^\//, '') : (name ?? id.slice(0, 12)), started, startError, warnings, isolationMismatch };
}
