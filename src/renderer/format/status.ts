// A container's status in the person's language, from the state details that inspect carries.
// Until those arrive, the engine's own (English) status text is shown as it is.
import type { ContainerSummary } from '../../shared/model/container';
import type { Translate } from '../i18n';
import { humanDuration } from './duration';

export function describeStatus(container: Pick<ContainerSummary, 'state' | 'statusText' | 'detail'>, now: number, t: Translate): string {
  const { detail, state } = container;
  if (!detail) return container.statusText;
  const since = (at: number | null): string => humanDuration(at === null ? 0 : now - at, t);
  const code = detail.exitCode ?? 0;

  let text: string;
  switch (state) {
    case 'running':
      text = detail.startedAt === null ? t('status.running') : t('status.up', { duration: since(detail.startedAt) });
      break;
    case 'paused':
      text = detail.startedAt === null ? t('status.paused') : t('status.upPaused', { duration: since(detail.startedAt) });
      break;
    case 'restarting':
      text = detail.finishedAt === null ? t('status.restartingNow', { code }) : t('status.restarting', { code, duration: since(detail.finishedAt) });
      break;
    case 'exited':
      if (detail.finishedAt === null) text = t('status.exitedNow', { code });
      else if (detail.oomKilled) text = t('status.exitedOom', { code, duration: since(detail.finishedAt) });
      else text = t('status.exited', { code, duration: since(detail.finishedAt) });
      break;
    case 'created':
      text = t('status.created');
      break;
    case 'removing':
      text = t('status.removing');
      break;
    case 'dead':
      text = t('status.dead');
      break;
    default:
      text = container.statusText;
  }
  if ((state === 'running' || state === 'paused') && detail.health) {
    text = t('status.withHealth', { status: text, health: t(`health.${detail.health}`) });
  }
  return text;
}

/** The moment the status text counts from, if it counts from one. */
function statusSince(container: Pick<ContainerSummary, 'state' | 'detail'>): number | null {
  const { detail, state } = container;
  if (!detail) return null;
  if (state === 'running' || state === 'paused') return detail.startedAt;
  if (state === 'exited' || state === 'restarting') return detail.finishedAt;
  return null;
}

/** How soon the wording of these statuses can change: every second while one is under a minute old. */
export function statusRefreshDelay(containers: Iterable<Pick<ContainerSummary, 'state' | 'detail'>>, now: number): number {
  for (const container of containers) {
    const since = statusSince(container);
    if (since !== null && now - since < 60_000) return 1_000;
  }
  return 60_000;
}
