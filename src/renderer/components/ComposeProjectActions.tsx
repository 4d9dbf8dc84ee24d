// Start, stop or restart a whole compose project from its group header: a bar while the
// containers are handled one by one, then what could not be done, in plain words.
import { useEffect, useState } from 'react';
import { fraction } from '../format/bytes';
import { describeError } from '../format/errors';
import { useT } from '../i18n/react';
import { COMPOSE_ACTIONS, isRunning, offeredComposeActions, type ComposeRun } from '../stores/compose';
import { useContainers } from '../stores/react';
import { useCompose } from '../stores/resources-react';
import { InfoDialog } from './InfoDialog';
import { ErrorNote, ProgressBar } from './ResourceParts';

/** How long a run that went well stays said before it goes by itself. */
const DONE_SHOWN_MS = 5000;

export function ComposeProjectActions({ project, count, running: up, disabled }: { project: string; count: number; running: number; disabled?: boolean }) {
  const t = useT();
  const run = useCompose((s) => s.runs.get(project));
  const act = useCompose((s) => s.act);
  const cancel = useCompose((s) => s.cancel);
  const dismiss = useCompose((s) => s.dismiss);
  const [showing, setShowing] = useState(false);
  const running = isRunning(run);
  const offered = offeredComposeActions(count, up);
  const clean = run?.phase === 'done' && run.failures.length === 0;

  useEffect(() => {
    if (!clean) return;
    const handle = setTimeout(() => dismiss(project), DONE_SHOWN_MS);
    return () => clearTimeout(handle);
  }, [clean, dismiss, project]);

  return (
    <div className="compose-actions" role="group" aria-label={t('compose.actionsOf', { project })}>
      {run ? <RunStatus run={run} onCancel={() => void cancel(project)} onShow={() => setShowing(true)} onDismiss={() => dismiss(project)} /> : null}
      {COMPOSE_ACTIONS.map((action) => (
        <button
          key={action}
          type="button"
          className="button small"
          aria-label={t(`compose.${action}Project`, { project })}
          title={t(`compose.${action}Project`, { project })}
          disabled={disabled || running || !offered.has(action)}
          onClick={() => void act(project, action)}
        >
          {t(`action.${action}`)}
        </button>
      ))}
      {showing && run ? <FailuresDialog run={run} onClose={() => setShowing(false)} /> : null}
    </div>
  );
}

function RunStatus({ run, onCancel, onShow, onDismiss }: { run: ComposeRun; onCancel: () => void; onShow: () => void; onDismiss: () => void }) {
  const t = useT();
  if (run.phase === 'starting' || run.phase === 'running') {
    return (
      <span className="compose-status">
        <ProgressBar
          value={run.phase === 'starting' ? null : fraction(run.done, run.total)}
          label={t(`compose.progress.${run.action}`, { project: run.project })}
          text={t('compose.count', { done: run.done, total: run.total })}
        />
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </span>
    );
  }
  const failed = run.failures.length > 0 || run.error !== null;
  return (
    <span className={failed ? 'compose-status bad' : 'compose-status ok'} role="status">
      <span>
        {run.phase === 'cancelled'
          ? t('compose.cancelled', { done: run.done, total: run.total })
          : run.error !== null
            ? t('compose.failedWhole')
            : failed
              ? t(`compose.failed.${run.action}`, { count: run.failures.length, total: run.total })
              : t(`compose.done.${run.action}`, { count: run.total })}
      </span>
      {failed ? (
        <button type="button" className="link-button" onClick={onShow}>
          {t('compose.why')}
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </span>
  );
}

function FailuresDialog({ run, onClose }: { run: ComposeRun; onClose: () => void }) {
  const t = useT();
  const byId = useContainers((s) => s.byId);
  return (
    <InfoDialog title={t(`compose.failuresTitle.${run.action}`, { project: run.project })} onClose={onClose}>
      {run.error ? <ErrorNote error={run.error} /> : null}
      {run.failures.length > 0 ? (
        <ul className="remove-list">
          {run.failures.map((f) => (
            <li key={f.id}>
              {t('report.line', { name: byId.get(f.id)?.name ?? f.id.slice(0, 12), reason: describeError(f.error, t) })}
              {f.error?.detail ? <span className="detail">{t('report.engineSaid', { detail: f.error.detail })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </InfoDialog>
  );
}
