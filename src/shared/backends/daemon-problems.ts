// Building problem records with their position in the text. Pure.
import { lineColumn } from './json-source';
import type { DaemonProblem, ProblemCode } from './daemon-model';

export class ProblemList {
  readonly items: DaemonProblem[] = [];

  constructor(private readonly text: string) {}

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
    const position = offset === null ? null : lineColumn(this.text, offset);
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
