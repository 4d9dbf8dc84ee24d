// A root-equivalent finding (src/shared/isolation/root-access.ts) in the person's words: what it
// lets a process in the container do, and where a followed path really leads.
import type { RootFinding } from '../../shared/isolation/root-access';
import type { Translate } from '../i18n';

export function describeFinding(f: RootFinding, t: Translate): string {
  const sentence = t(`root.${f.code}`, { setting: f.setting });
  return f.path === null ? sentence : `${sentence} ${t('root.leadsTo', { path: f.path })}`;
}

/** The row's mark: the first finding, and how many there are. */
export function describeRootAccess(findings: readonly RootFinding[], t: Translate): string | null {
  const first = findings[0];
  return first ? t('containers.rootAccess', { count: findings.length, first: describeFinding(first, t) }) : null;
}
