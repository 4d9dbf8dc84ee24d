// Silo's own problems with a daemon.json, as ranges of the editor's text: the validator gives a
// 1-based line and column; the editor marks from that offset to the end of the token there (a
// whole string, a word, or one character), never past the end of its line. Pure.
import type { DaemonProblem } from '../../../../shared/model/backends';
import { LineIndex } from '../../../../shared/backends/json-source';

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

const WORD = /[A-Za-z0-9_.+-]/;

/** The end of the token that starts at `from`, within [from, lineEnd]. */
function tokenEnd(text: string, from: number, lineEnd: number): number {
  if (from >= lineEnd) return from;
  if (text[from] === '"') {
    for (let i = from + 1; i < lineEnd; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return lineEnd;
  }
  let end = from;
  while (end < lineEnd && WORD.test(text[end] ?? '')) end++;
  return end > from ? end : from + 1;
}

/** One diagnostic per problem that has a position; the others are listed beside the editor only. */
export function diagnosticsOf(text: string, problems: readonly DaemonProblem[], describe: (problem: DaemonProblem) => string): EditorDiagnostic[] {
  const out: EditorDiagnostic[] = [];
  // The line starts once for all problems: a text with thousands of them stays linear.
  const lines = problems.some((p) => p.line !== null) ? new LineIndex(text) : null;
  for (const problem of problems) {
    if (problem.line === null || !lines) continue;
    const lineStart = lines.offsetOf(problem.line, 1);
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    const from = Math.min(lines.offsetOf(problem.line, problem.column ?? 1), lineEnd);
    out.push({ from, to: tokenEnd(text, from, lineEnd), severity: problem.severity, message: describe(problem) });
  }
  return out;
}
