// What a rung costs on this engine: measured when the person asks (a timed test container under
// the target and under the reference), never estimated.
import type { SiloError } from '../../../shared/errors';
import type { CostReport } from '../../../shared/model/cost';
import type { Translate } from '../../i18n';
import { describeError } from '../../format/errors';
import { describeCostDifference, describeCostSample } from './words';
import { TableHead } from '../../components/TableHead';

export type CostState = { state: 'idle' } | { state: 'measuring' } | { state: 'done'; report: CostReport } | { state: 'failed'; error: SiloError };

export function CostView({ cost, labelOf, t }: { cost: CostState; labelOf: (mode: string) => string; t: Translate }) {
  if (cost.state === 'idle') return <p className="muted cost-intro">{t('cost.intro')}</p>;
  if (cost.state === 'measuring') {
    return (
      <p className="muted cost-intro" role="status">
        {t('cost.measuring')}
      </p>
    );
  }
  if (cost.state === 'failed') {
    return (
      <p className="note warn" role="alert">
        {t('cost.failed', { reason: describeError(cost.error, t) })}
      </p>
    );
  }
  const { report } = cost;
  const samples = [report.target, ...(report.reference ? [report.reference] : [])];
  const difference = describeCostDifference(report.target, report.reference, t);
  // A median is told only over runs that gave figures, never "the median of 0 runs".
  const runs = Math.min(...samples.map((s) => s.runs).filter((n) => n > 0), Number.POSITIVE_INFINITY);
  const counted = Number.isFinite(runs) ? runs : 0;
  return (
    <div className="cost" role="status">
      <table className="cost-table">
        <caption className="visually-hidden">{t('cost.caption')}</caption>
        <TableHead columns={[t('cost.isolation'), t('cost.startup'), t('cost.memory')]} />
        <tbody>
          {samples.map((sample, i) => {
            const words = describeCostSample(sample, t);
            return (
              <tr key={`${i}:${sample.mode}`}>
                <th scope="row">
                  {labelOf(sample.mode)}
                  {i === 1 ? <span className="tag">{t('cost.reference')}</span> : null}
                </th>
                {words.error ? (
                  <td colSpan={2} className="warn-text">
                    {words.error}
                  </td>
                ) : (
                  <>
                    <td title={words.detail}>{words.startup}</td>
                    <td>{words.memory}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {difference ? <p className="cost-difference">{difference}</p> : null}
      {counted > 0 ? (
        <p className="note">{t('cost.how', { image: report.image, settle: report.settleMs, count: counted })}</p>
      ) : (
        <p className="note warn">{t('cost.noRuns')}</p>
      )}
      {counted > 0 && report.command !== null ? <p className="note">{t(`cost.command.${report.command}`)}</p> : null}
    </div>
  );
}
