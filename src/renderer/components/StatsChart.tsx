// A small live chart: one or two series as SVG paths (no chart library), newest at the right,
// scaled from 0 to a round top that is written beside it. Colours come from classes.
import { chartGeometry, niceCeiling } from './chart';

export interface ChartSeries {
  values: readonly number[];
  /** `series-a` (filled) or `series-b` (a line over it). */
  className: string;
}

const WIDTH = 240;
const HEIGHT = 56;

export function StatsChart({
  series,
  capacity,
  floor = 0,
  label,
  formatTop,
}: {
  series: readonly ChartSeries[];
  capacity: number;
  floor?: number;
  label: string;
  formatTop: (top: number) => string;
}) {
  const all = series.flatMap((s) => s.values.slice(-capacity));
  const top = niceCeiling(Math.max(floor, ...all.map((v) => (Number.isFinite(v) ? v : 0))));
  return (
    <div className="stats-chart">
      <span className="chart-top" aria-hidden="true">
        {formatTop(top)}
      </span>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line className="chart-grid" x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        {series.map((s, i) => {
          const g = chartGeometry(s.values, { capacity, width: WIDTH, height: HEIGHT, top });
          return (
            <g key={i} className={s.className}>
              {i === 0 && g.area ? <path className="chart-area" d={g.area} /> : null}
              {g.line ? <path className="chart-line" d={g.line} /> : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
