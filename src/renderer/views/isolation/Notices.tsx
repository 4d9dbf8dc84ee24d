// Notices under the connection banner: what Silo finished or undid on its own after an
// interrupted change of isolation, and what a create made.
import type { RecoveryReport } from '../../../shared/model/move';
import type { CreateContainerResult } from '../../../shared/model/create';
import { describeError } from '../../format/errors';
import { useLanguage, useT } from '../../i18n/react';
import { recoveryKey } from '../../stores/isolation';
import { describeRecovery } from './words';

export function RecoveryNotices({
  reports,
  dismissed,
  onDismiss,
}: {
  reports: readonly RecoveryReport[];
  dismissed: ReadonlySet<string>;
  onDismiss: (key: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const shown = reports.filter((r) => !dismissed.has(recoveryKey(r)));
  if (shown.length === 0) return null;
  return (
    <div className="notices">
      {shown.map((report) => {
        const key = recoveryKey(report);
        return (
          <section
            key={key}
            className={report.ok ? 'notice tone-ok' : 'notice tone-bad'}
            role={report.ok ? 'status' : 'alert'}
            aria-label={t('recovery.label')}
          >
            <div className="notice-head">
              <strong>{t(report.ok ? 'recovery.titleOk' : 'recovery.titleBad')}</strong>
              <span className="muted">{t('recovery.at', { time: new Date(report.at).toLocaleString(language) })}</span>
              <span className="spacer" />
              <button type="button" className="link-button" onClick={() => onDismiss(key)}>
                {t('common.dismiss')}
              </button>
            </div>
            <ul>
              {describeRecovery(report, t).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

export function CreateNotice({ result, onDismiss }: { result: CreateContainerResult; onDismiss: () => void }) {
  const t = useT();
  const mismatch = result.isolationMismatch ?? null;
  const failedStart = result.startError !== null;
  const bad = failedStart || mismatch !== null;
  return (
    <section className={bad ? 'notice tone-bad' : 'notice tone-ok'} role={bad ? 'alert' : 'status'} aria-label={t('created.label')}>
      <div className="notice-head">
        <strong>
          {result.started
            ? t('created.started', { name: result.name })
            : failedStart
              ? t('created.notStarted', { name: result.name, reason: describeError(result.startError, t) })
              : t('created.created', { name: result.name })}
        </strong>
        <span className="spacer" />
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </div>
      {mismatch ? <p>{t('created.isolationMismatch', mismatch)}</p> : null}
      {result.startError?.detail ? <p className="detail">{t('outcome.engineSaid', { detail: result.startError.detail })}</p> : null}
      {result.warnings.length > 0 ? (
        <ul>
          {result.warnings.map((warning, i) => (
            <li key={i}>{t('created.engineWarning', { warning })}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
