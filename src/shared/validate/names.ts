// Names as the engine accepts them (moby daemon/names: RestrictedNamePattern; volume names share it).
import { problem, type FieldProblem } from './problem';

export const NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** A container name; empty means the engine picks one. */
export function validateContainerName(name: string | undefined, field = 'name'): FieldProblem[] {
  if (name === undefined || name === '') return [];
  return NAME_PATTERN.test(name) ? [] : [problem(field, 'container-name', { value: name })];
}

export const isVolumeName = (name: string): boolean => VOLUME_NAME.test(name);

/** `none`, `host`, `bridge`, `default`, `container:<name or id>`, or a network's name. */
export function validateNetworkName(name: string | undefined, field = 'network'): FieldProblem[] {
  if (name === undefined || name === '') return [];
  const shared = /^container:(.+)$/.exec(name);
  if (shared) return NAME_PATTERN.test(shared[1] ?? '') ? [] : [problem(field, 'network-name', { value: name })];
  return NETWORK_NAME.test(name) ? [] : [problem(field, 'network-name', { value: name })];
}
