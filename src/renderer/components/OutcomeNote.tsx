// How a change ended, in one note: its tone (ok, warn, bad: a bad one is an alert, the others a
// status), a title, the lines under it, what the caller adds, the raw detail under a disclosure,
// and Dismiss beside the caller's own buttons.
import type { ReactNode } from 'react';
import { useT } from '../i18n/react';

export interface Outcome {
  tone: string;
  title: string;
  lines?: readonly string[];
  detail?: string | null;
}

export function OutcomeNote({ outcome, onDismiss, children, actions }: { outcome: Outcome; onDismiss: () => void; children?: ReactNode; actions?: ReactNode }) {
  const t = useT();
  const lines = outcome.lines ?? [];
  return (
    <div className={`outcome tone-${outcome.tone}`} role={outcome.tone === 'bad' ? 'alert' : 'status'}>
      <p className="outcome-title">{outcome.title}</p>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {children}
      {outcome.detail ? (
        <details>
          <summary>{t('backends.outcome.details')}</summary>
          <pre>{outcome.detail}</pre>
        </details>
      ) : null}
      <div className="dialog-buttons">
        {actions}
        <button type="button" className="button" onClick={onDismiss}>
          {t('backends.outcome.dismiss')}
        </button>
      </div>
    </div>
  );
}
