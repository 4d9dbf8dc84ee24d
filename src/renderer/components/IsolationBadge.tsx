// The rung as a badge whose colour deepens with the strength of the boundary; the words say it too
// (the short label, so no column truncates it; the long name is its tooltip).
import type { EffectiveIsolation, Rung } from '../../shared/model/isolation';
import { describeIsolationFully, describeIsolationSource, rungLevel, rungName, rungShortName } from '../format/isolation';
import { useT } from '../i18n/react';

export function RungBadge({ rung }: { rung: Rung }) {
  const t = useT();
  const level = rungLevel(rung);
  return (
    <span className={`badge rung rung-${level === null ? 'unknown' : level}`} title={rungName(rung, t)}>
      {rungShortName(rung, t)}
    </span>
  );
}

/** "User-space kernel · runsc" and, quieter, where it came from; "…" until inspected. */
export function IsolationCell({ isolation }: { isolation: EffectiveIsolation | null }) {
  const t = useT();
  if (!isolation) {
    return (
      <span className="pending" title={t('isolation.pendingHint')}>
        {t('isolation.pending')}
      </span>
    );
  }
  return (
    <span className="isolation" title={describeIsolationFully(isolation, t)}>
      <RungBadge rung={isolation.rung} />
      <span className="mode">{t('isolation.modeSuffix', { mode: isolation.mode })}</span>
      <span className={`source source-${isolation.source}`}>{t('isolation.sourceSuffix', { source: describeIsolationSource(isolation, t, true) })}</span>
    </span>
  );
}
