// The state of the link to Silo and of Silo's link to the engine, in one live status line.
import type { HostLink } from '../api';
import type { EngineSnapshot } from '../../shared/model/engine';
import type { Translate } from '../i18n';
import { useT } from '../i18n/react';
import { useEngine } from '../stores/react';
import { describeError } from '../format/errors';

export type BannerTone = 'ok' | 'busy' | 'bad';

/** What the banner says (pure, for tests). */
export function bannerMessage(link: HostLink, snapshot: EngineSnapshot | null, t: Translate): { tone: BannerTone; text: string } {
  if (link.state === 'connecting') return { tone: 'busy', text: t('banner.silo.connecting') };
  if (link.state === 'lost') return { tone: 'bad', text: t('banner.silo.lost', { attempt: link.attempt }) };
  if (!snapshot) return { tone: 'busy', text: t('banner.silo.starting') };
  const engine = snapshot.endpoint?.name ?? '';
  const { connection } = snapshot;
  switch (connection.phase) {
    case 'connected':
      return {
        tone: 'ok',
        text: connection.apiVersion ? t('banner.engine.connectedApi', { engine, api: connection.apiVersion }) : t('banner.engine.connected', { engine }),
      };
    case 'connecting':
      return { tone: 'busy', text: t('banner.engine.connecting', { engine }) };
    case 'reconnecting':
      return {
        tone: 'bad',
        text: t('banner.engine.reconnecting', { engine, attempt: connection.attempt, reason: describeError(connection.error, t) }),
      };
    case 'unreachable':
    default:
      if (!snapshot.endpoint) return { tone: 'bad', text: describeError(connection.error ?? { code: 'no-engine' }, t) };
      return { tone: 'bad', text: t('banner.engine.unreachable', { engine, reason: describeError(connection.error ?? { code: 'engine-unreachable' }, t) }) };
  }
}

export function ConnectionBanner() {
  const t = useT();
  const link = useEngine((s) => s.link);
  const snapshot = useEngine((s) => s.snapshot);
  const { tone, text } = bannerMessage(link, snapshot, t);
  return (
    <div role="status" className={`banner banner-${tone}`}>
      <span className={`dot dot-${tone}`} aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
