// The geometry of small SVG charts: a series scaled from 0 to a round top, newest at the right. Pure.

/** The smallest of 1, 2, 2.5, 5 × 10^k that is >= value (a round top for a chart's scale). */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const top = step * power;
    if (top >= value * (1 - 1e-12)) return top;
  }
  return 10 * power;
}

export interface ChartGeometry {
  /** The line through the points, as an SVG path (`M x y L …`); '' with no points. */
  line: string;
  /** The same line closed down to the base, for a filled area; '' with fewer than two points. */
  area: string;
  /** The value at the top of the chart. */
  top: number;
}

export interface ChartOptions {
  /** Points the chart's width holds (the newest is at the right edge). */
  capacity: number;
  width: number;
  height: number;
  /** The scale's top is never below this (a quiet container is not drawn as a busy one). */
  floor?: number;
  /** A fixed top (e.g. shared by two series drawn together). */
  top?: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The path of a series in a width × height box, scaled from 0 to a round top. */
export function chartGeometry(values: readonly number[], options: ChartOptions): ChartGeometry {
  const { capacity, width, height } = options;
  const shown = values.slice(Math.max(0, values.length - capacity));
  const top = options.top ?? niceCeiling(Math.max(options.floor ?? 0, ...shown.map((v) => (Number.isFinite(v) ? v : 0))));
  if (shown.length === 0) return { line: '', area: '', top };
  const step = capacity > 1 ? width / (capacity - 1) : 0;
  const points = shown.map((v, i) => {
    const x = width - (shown.length - 1 - i) * step;
    const value = Number.isFinite(v) ? Math.min(Math.max(v, 0), top) : 0;
    return [round(x), round(height - (value / top) * height)] as const;
  });
  const line = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
  const area = points.length < 2 ? '' : `${line} L${points[points.length - 1]![0]} ${height} L${points[0]![0]} ${height} Z`;
  return { line, area, top };
}
