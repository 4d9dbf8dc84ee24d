// The Isolation tab: the container's rung, and each finding that weakens or strengthens its
// boundary (src/shared/isolation/boundary.ts) with what it lets a process do, what it reaches on
// this rung, and where the rule comes from; when a rung up would contain a weakening, the move.
import type { BoundaryEffect, BoundaryFinding } from '../../../shared/model/boundary';
import type { ContainerSummary } from '../../../shared/model/container';
import { containedUpARung, describeBoundaryFinding, describeSource, describeWithReach } from '../../format/boundary';
import { rungName } from '../../format/isolation';
import { RungBadge } from '../../components/IsolationBadge';
import { useT } from '../../i18n/react';
import { MoveButton } from '../../components/MoveButton';
import { useIsolation } from '../../stores/react';

const SECTIONS: ReadonlyArray<{ effect: BoundaryEffect; title: 'boundary.tab.weakens' | 'boundary.tab.strengthens' | 'boundary.tab.unknowns' }> = [
  { effect: 'weakens', title: 'boundary.tab.weakens' },
  { effect: 'strengthens', title: 'boundary.tab.strengthens' },
  { effect: 'unknown', title: 'boundary.tab.unknowns' },
];

export function IsolationTab({ container }: { container: ContainerSummary }) {
  const t = useT();
  const openMove = useIsolation((s) => s.openMove);
  const boundary = container.boundary;
  if (!boundary || !container.isolation) return <p className="muted">{t('boundary.tab.pending')}</p>;
  const summary = {
    weakened: t('boundary.tab.summaryWeakened', { severity: boundary.worst ? t(`boundary.severity.${boundary.worst}`) : '' }),
    strengthened: t('boundary.tab.summaryStrengthened'),
    default: t('boundary.tab.summaryDefault'),
    unknown: t('boundary.tab.summaryUnknown'),
  }[boundary.verdict];
  const movable = boundary.findings.some(containedUpARung);
  return (
    <div className="boundary-tab">
      <p>
        <RungBadge rung={boundary.rung} /> {t('boundary.tab.rung', { rung: rungName(boundary.rung, t), mode: container.isolation.mode })}
      </p>
      <p className="boundary-summary" data-verdict={boundary.verdict}>
        {summary}
      </p>
      {SECTIONS.map(({ effect, title }) => {
        const findings = boundary.findings.filter((f) => f.effect === effect);
        if (findings.length === 0 && effect !== 'weakens') return null;
        return (
          <section key={effect} aria-label={t(title)}>
            <h2>{t(title)}</h2>
            {findings.length === 0 ? (
              <p className="muted">{t('boundary.tab.none')}</p>
            ) : (
              <ul className="boundary-findings">
                {findings.map((f, i) => (
                  <FindingItem key={`${f.code} ${f.setting} ${i}`} finding={f} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {movable ? (
        <p className="boundary-advice">
          {t('boundary.tab.move')} <MoveButton label={t('move.action')} onClick={() => openMove({ kind: 'containers', ids: [container.id] })} />
        </p>
      ) : null}
    </div>
  );
}

function FindingItem({ finding }: { finding: BoundaryFinding }) {
  const t = useT();
  return (
    <li data-code={finding.code} data-severity={finding.severity ?? undefined}>
      {finding.severity ? <span className={`boundary-mark boundary-weakened-${finding.severity}`}>{t(`boundary.severity.${finding.severity}`)}</span> : null}{' '}
      <span className="boundary-sentence">{finding.reach ? describeWithReach(finding, t) : describeBoundaryFinding(finding, t)}</span>
      <div className="boundary-source">{t('boundary.tab.source', { source: describeSource(finding, t) })}</div>
    </li>
  );
}
