// The Stats tab: CPU, memory, network, block I/O and PIDs of a running container, as `docker
// stats` computes them, each with a chart of the last minute. The engine is asked only while
// this tab is shown and the page is visible.
import { useEffect, type ReactNode } from 'react';
import type { StatsSample } from '../../../shared/model/stats';
import { useLanguage, useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import { STATS_WINDOW } from '../../stores/details';
import { StatsChart } from '../../components/StatsChart';
import { useDetails, usePageVisible } from './hooks';
import { formatCount, formatPercent, formatRate, formatSize, ratesOf } from './logic/stats';

const MIB = 1024 * 1024;

export function StatsTab({ id, running, live, startButton }: { id: string; running: boolean; live: boolean; startButton?: ReactNode }) {
  const t = useT();
  const language = useLanguage();
  const visible = usePageVisible();
  const watchStats = useDetails((s) => s.watchStats);
  const stats = useDetails((s) => s.stats);

  useEffect(() => (live && running && visible ? watchStats(id) : undefined), [id, live, running, visible, watchStats]);

  const samples: readonly StatsSample[] = stats.id === id ? stats.samples : [];
  const latest = samples[samples.length - 1];

  let message: string | null = null;
  if (!running) message = t('details.stats.notRunning');
  else if (stats.status === 'failed') message = describeError(stats.error, t);
  else if (!latest) message = t('details.stats.waiting');

  if (!latest) {
    return (
      <div className="stats-tab">
        <p className={stats.status === 'failed' ? 'note warn' : 'muted'} role={stats.status === 'failed' ? 'alert' : undefined}>
          {message}
        </p>
        {!running ? startButton : null}
      </div>
    );
  }

  const cpu = samples.map((s) => s.cpuPercent);
  // In MiB, so the chart's scale steps in round binary units (1, 2, 2.5, 5 MiB…).
  const memoryMiB = samples.map((s) => s.memoryUsage / MIB);
  const rx = ratesOf(samples, (s) => s.networkRx);
  const tx = ratesOf(samples, (s) => s.networkTx);
  const reads = ratesOf(samples, (s) => s.blockRead);
  const writes = ratesOf(samples, (s) => s.blockWrite);
  const pids = samples.map((s) => s.pids ?? 0);
  const rate = (values: readonly number[]): number => values[values.length - 1] ?? 0;
  const percent = (n: number): string => formatPercent(n, language);
  const binary = (n: number): string => formatSize(n, language, 'binary');
  const perSecond = (n: number): string => formatRate(n, language);
  const scalePercent = (n: number): string => formatPercent(n, language, true);
  const scaleRate = (n: number): string => formatRate(n, language, true);

  return (
    <div className="stats-tab">
      {message ? (
        <p className="note warn" role={stats.status === 'failed' ? 'alert' : undefined}>
          {message}
        </p>
      ) : null}
      <div className="stats-grid">
        <StatCard
          id="cpu"
          title={t('details.stats.cpu')}
          value={percent(latest.cpuPercent)}
          detail={t('details.stats.cpuOf', { count: latest.cpus, cpus: formatCount(latest.cpus, language) })}
        >
          <StatsChart
            series={[{ values: cpu, className: 'series-a' }]}
            capacity={STATS_WINDOW}
            floor={1}
            formatTop={scalePercent}
            label={t('details.stats.chart', { what: t('details.stats.cpu'), now: percent(latest.cpuPercent), peak: percent(Math.max(...cpu)) })}
          />
        </StatCard>
        <StatCard
          id="memory"
          title={t('details.stats.memory')}
          value={binary(latest.memoryUsage)}
          detail={
            latest.memoryLimit !== null && latest.memoryPercent !== null
              ? t('details.stats.memoryOf', { limit: binary(latest.memoryLimit), percent: percent(latest.memoryPercent) })
              : t('details.stats.noLimit')
          }
        >
          <StatsChart
            series={[{ values: memoryMiB, className: 'series-a' }]}
            capacity={STATS_WINDOW}
            floor={1}
            formatTop={(n) => formatSize(n * MIB, language, 'binary', true)}
            label={t('details.stats.chart', { what: t('details.stats.memory'), now: binary(latest.memoryUsage), peak: binary(Math.max(...memoryMiB) * MIB) })}
          />
        </StatCard>
        <RatesCard
          id="network"
          title={t('details.stats.network')}
          value={t('details.stats.inOut', { in: formatSize(latest.networkRx, language, 'decimal'), out: formatSize(latest.networkTx, language, 'decimal') })}
          detail={t('details.stats.networkRates', { in: perSecond(rate(rx)), out: perSecond(rate(tx)) })}
          names={[t('details.stats.received'), t('details.stats.sent')]}
          series={[rx, tx]}
          perSecond={perSecond}
          scale={scaleRate}
        />
        <RatesCard
          id="block"
          title={t('details.stats.block')}
          value={t('details.stats.readWrite', {
            read: formatSize(latest.blockRead, language, 'decimal'),
            write: formatSize(latest.blockWrite, language, 'decimal'),
          })}
          detail={t('details.stats.blockRates', { read: perSecond(rate(reads)), write: perSecond(rate(writes)) })}
          names={[t('details.stats.read'), t('details.stats.written')]}
          series={[reads, writes]}
          perSecond={perSecond}
          scale={scaleRate}
        />
        {latest.pids !== null ? (
          <StatCard id="pids" title={t('details.stats.pids')} value={formatCount(latest.pids, language)} detail={t('details.stats.pidsDetail')}>
            <StatsChart
              series={[{ values: pids, className: 'series-a' }]}
              capacity={STATS_WINDOW}
              floor={1}
              formatTop={(n) => formatCount(n, language)}
              label={t('details.stats.chart', {
                what: t('details.stats.pids'),
                now: formatCount(latest.pids, language),
                peak: formatCount(Math.max(...pids), language),
              })}
            />
          </StatCard>
        ) : null}
      </div>
      <p className="muted stats-foot">{t('details.stats.window', { count: samples.length })}</p>
    </div>
  );
}

function StatCard({
  id,
  title,
  value,
  detail,
  legend,
  children,
}: {
  id: string;
  title: string;
  value: string;
  detail: string;
  legend?: [string, string];
  children: ReactNode;
}) {
  const titleId = `stat-${id}`;
  return (
    <section className={`stat-card stat-${id}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p className="stat-value">{value}</p>
      <p className="stat-detail muted">{detail}</p>
      {children}
      {legend ? (
        <p className="stat-legend muted">
          <span className="legend-a">{legend[0]}</span>
          <span className="legend-b">{legend[1]}</span>
        </p>
      ) : null}
    </section>
  );
}

/** A card of two rates (received and sent, read and written) over one chart. */
function RatesCard({
  names,
  series,
  perSecond,
  scale,
  ...card
}: {
  id: string;
  title: string;
  value: string;
  detail: string;
  names: [string, string];
  series: [readonly number[], readonly number[]];
  perSecond: (n: number) => string;
  scale: (n: number) => string;
}) {
  const t = useT();
  const [a, b] = series;
  const now = (values: readonly number[]): string => perSecond(values[values.length - 1] ?? 0);
  return (
    <StatCard {...card} legend={names}>
      <StatsChart
        series={[
          { values: a, className: 'series-a' },
          { values: b, className: 'series-b' },
        ]}
        capacity={STATS_WINDOW - 1}
        floor={1000}
        formatTop={scale}
        label={t('details.stats.chart2', { what: card.title, a: names[0], b: names[1], nowA: now(a), nowB: now(b) })}
      />
    </StatCard>
  );
}
