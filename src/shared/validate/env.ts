// Environment lines and labels as the docker CLI and the engine take them.
import { isReservedKey } from '../reserved-keys';
import { problem, type FieldProblem } from './problem';

const hasNul = (s: string): boolean => s.includes('\u0000');

/** Each line checked (a NUL is refused in any); at most one problem a line. */
function perLine(lines: readonly string[] | undefined, field: string, check: (line: string, f: string) => FieldProblem | null): FieldProblem[] {
  const out: FieldProblem[] = [];
  (lines ?? []).forEach((line, i) => {
    const f = `${field}.${i}`;
    const found = hasNul(line) ? problem(f, 'nul-character') : check(line, f);
    if (found) out.push(found);
  });
  return out;
}

/** `KEY=value`: a key without whitespace, then `=`, then any value (possibly empty). */
export function validateEnv(lines: readonly string[] | undefined, field = 'env'): FieldProblem[] {
  return perLine(lines, field, (line, f) => {
    const eq = line.indexOf('=');
    if (eq < 0) return problem(f, 'env-line', { value: line });
    const key = line.slice(0, eq);
    if (key === '' || /\s/.test(key)) return problem(f, 'env-key', { key });
    return isReservedKey(key) ? problem(f, 'reserved-key', { key }) : null;
  });
}

/** `key=value` or `key` (an empty value); the key, trimmed, must not be empty. */
export function validateLabels(lines: readonly string[] | undefined, field = 'labels'): FieldProblem[] {
  return perLine(lines, field, (line, f) => {
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (key === '') return problem(f, 'label-line', { value: line });
    return isReservedKey(key) ? problem(f, 'reserved-key', { key }) : null;
  });
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
