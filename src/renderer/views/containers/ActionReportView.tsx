// The containers an action could not handle, one plain sentence each; and those a remove found
// already gone (that is what the person wanted: said by name, not as a failure).
import { useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import type { ActionReport } from '../../stores/containers';

const LISTED = 20;

export function ActionReportView({ report, onDismiss }: { report: ActionReport; onDismiss: () => void }) {
  const t = useT();
  const { failures, gone } = report;
  const failed = failures.length > 0;
  return (
    <div className={failed ? 'report' : 'report report-ok'} role={failed ? 'alert' : 'status'}>
      <div className="report-head">
        <strong>
          {failed ? t(`report.failed.${report.action}`, { count: failures.length, total: report.total }) : t('report.removedAll', { count: report.total })}
        </strong>
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </div>
      <ul>
        {failures.slice(0, LISTED).map((failure) => (
          <li key={failure.id}>
            {t('report.line', { name: failure.name, reason: describeError(failure.error, t) })}
            {failure.error.detail ? <span className="detail">{t('report.engineSaid', { detail: failure.error.detail })}</span> : null}
          </li>
        ))}
        {failures.length > LISTED ? <li className="muted">{t('report.andMore', { count: failures.length - LISTED })}</li> : null}
        {gone.slice(0, LISTED).map((g) => (
          <li key={g.id}>{t('report.alreadyGone', { name: g.name })}</li>
        ))}
        {gone.length > LISTED ? <li className="muted">{t('report.andMore', { count: gone.length - LISTED })}</li> : null}
      </ul>
    </div>
  );
}
