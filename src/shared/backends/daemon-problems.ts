// Building problem records with their position in the text. Pure.
import { LineIndex } from './json-source';
import type { DaemonProblem, ProblemCode } from './daemon-model';

export class ProblemList {
  readonly items: DaemonProblem[] = [];
  private lines: LineIndex | null = null;

  constructor(private readonly text: string) {}

  /** Where an offset is: the line starts are found once per text, however many problems it has. */
  position(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.text);
    return this.lines.at(offset);
  }

  error(code: ProblemCode, key: string | null, offset: number | null, message: string, params: Record<string, string | number> = {}): void {
    this.add('error', code, key, offset, message, params);
  }

  warning(code: ProblemCode, key: string | null, offset: number | null, message: string, params: Record<string, string | number> = {}): void {
    this.add('warning', code, key, offset, message, params);
  }

  private add(
    severity: 'error' | 'warning',
    code: ProblemCode,
    key: string | null,
    offset: number | null,
    message: string,
    params: Record<string, string | number>,
  ): void {
    const position = offset === null ? null : this.position(offset);
    this.items.push({
      code,
      severity,
      key,
      line: position?.line ?? null,
      column: position?.column ?? null,
      message,
      params: key ? { key, ...params } : params,
    });
  }
}

export function hasErrors(problems: readonly DaemonProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
