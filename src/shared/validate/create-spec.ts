// The whole create form, field by field, with the engine's rules: the renderer runs this as the
// person types, the main side runs it again before anything is sent.
import type { CreateContainerSpec } from '../model/create';
import { validateArgv, validateEnv, validateLabels } from './env';
import { validateImageReference } from './image-ref';
import { validateContainerName, validateNetworkName } from './names';
import { validatePorts } from './ports';
import { problem, type FieldProblem } from './problem';
import { validateCpus, validateMemory, validateRestart } from './resources';
import { validateVolumes, type VolumeOs } from './volumes';

export const WINDOWS_ISOLATIONS = ['default', 'process', 'hyperv'] as const;

export interface EngineFacts {
  /** The engine's OS; unknown: each volume spec is read by its own shape. */
  os?: VolumeOs;
  /** Linux: the runtimes the engine offers. */
  runtimes?: readonly string[];
  /** GET /info NCPU. */
  cpus?: number;
}

export function validateIsolation(value: string | undefined, engine: EngineFacts, field = 'isolation'): FieldProblem[] {
  const v = (value ?? '').trim();
  if (v === '' || v.toLowerCase() === 'default') return [];
  if (engine.os === 'windows') return (WINDOWS_ISOLATIONS as readonly string[]).includes(v.toLowerCase()) ? [] : [problem(field, 'isolation', { value: v })];
  if (engine.os === 'linux' && engine.runtimes && !engine.runtimes.includes(v)) return [problem(field, 'isolation', { value: v })];
  return [];
}

/** Every problem of the form, in field order; empty when the engine should accept it. */
export function validateCreateSpec(spec: CreateContainerSpec, engine: EngineFacts = {}): FieldProblem[] {
  return [
    ...validateImageReference(spec.image),
    ...validateContainerName(spec.name),
    ...validateArgv(spec.command, 'command'),
    ...validateArgv(spec.entrypoint, 'entrypoint'),
    ...validateEnv(spec.env),
    ...validatePorts(spec.ports),
    ...validateVolumes(spec.volumes, { ...(engine.os ? { os: engine.os } : {}), allowEngineSocket: spec.acknowledged?.includes('engine-socket') === true }),
    ...validateNetworkName(spec.network),
    ...validateRestart(spec.restart),
    ...validateMemory(spec.memory),
    ...validateCpus(spec.cpus, engine.cpus),
    ...validateLabels(spec.labels),
    ...validateIsolation(spec.isolation, engine),
  ];
}
