// Environment lines and labels as the docker CLI and the engine take them.
import { isReservedKey } from '../reserved-keys';
import { problem, type FieldProblem } from './problem';

const hasNul = (s: string): boolean => s.includes('\u0000');

/** `KEY=value`: a key without whitespace, then `=`, then any value (possibly empty). */
export function validateEnv(lines: readonly string[] | undefined, field = 'env'): FieldProblem[] {
  const out: FieldProblem[] = [];
  (lines ?? []).forEach((line, i) => {
    const f = `${field}.${i}`;
    if (hasNul(line)) return void out.push(problem(f, 'nul-character'));
    const eq = line.indexOf('=');
    if (eq < 0) return void out.push(problem(f, 'env-line', { value: line }));
    const key = line.slice(0, eq);
    if (key === '' || /\s/.test(key)) out.push(problem(f, 'env-key', { key }));
    else if (isReservedKey(key)) out.push(problem(f, 'reserved-key', { key }));
  });
  return out;
}

/** `key=value` or `key` (an empty value); the key, trimmed, must not be empty. */
export function validateLabels(lines: readonly string[] | undefined, field = 'labels'): FieldProblem[] {
  const out: FieldProblem[] = [];
  (lines ?? []).forEach((line, i) => {
    const f = `${field}.${i}`;
    if (hasNul(line)) return void out.push(problem(f, 'nul-character'));
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (key === '') out.push(problem(f, 'label-line', { value: line }));
    else if (isReservedKey(key)) out.push(problem(f, 'reserved-key', { key }));
  });
  return out;
}

/** Labels as the engine's create body takes them. */
export function labelsToRecord(lines: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines ?? []) {
    const eq = line.indexOf('=');
    out[(eq < 0 ? line : line.slice(0, eq)).trim()] = eq < 0 ? '' : line.slice(eq + 1);
  }
  return out;
}

export function validateArgv(argv: readonly string[] | undefined, field: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  (argv ?? []).forEach((arg, i) => {
    if (hasNul(arg)) out.push(problem(`${field}.${i}`, 'nul-character'));
  });
  return out;
}
