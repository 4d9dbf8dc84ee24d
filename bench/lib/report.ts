// One line of the results table, and the table itself. A figure is either measured (Silo's value
// against a reference measured in the same run) or pending (with the reason), never a failure.

export type Verdict = 'met' | 'missed' | 'baseline' | 'pending' | 'info';

export interface Figure {
  bench: string;
  figure: string;
  /** Silo's value, already formatted ('—' when pending). */
  silo: string;
  reference: string;
  /** Silo ÷ reference, when both are numbers of the same unit. */
  ratio: number | null;
  target: string;
  verdict: Verdict;
  /** Why a figure is pending, or what to read next to it. */
  note?: string;
}

export function ratioOf(silo: number, reference: number): number | null {
  return Number.isFinite(silo) && Number.isFinite(reference) && reference > 0 ? silo / reference : null;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

export function renderTable(figures: readonly Figure[]): string {
  const header = ['figure', 'Silo', 'reference', 'ratio', 'target', 'verdict'];
  const rows = figures.map((f) => [f.figure, f.silo, f.reference, f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`, f.target, f.verdict]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.figure}: ${f.note}`);
  return [line(header), rule, ...rows.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
