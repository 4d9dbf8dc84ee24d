// What the connection banner says: the link to Silo first, then Silo's link to the engine.
import type { HostLink } from '../api';
import type { EngineSnapshot } from '../../shared/model/engine';
import type { Translate } from '../i18n';
import { describeError } from './errors';

export type BannerTone = 'ok' | 'busy' | 'bad';

/** The banner's tone and sentence. */
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
      // `attempt` counts the failed attempts; the one under way is the next, counted from 1.
      return {
        tone: 'bad',
        text: t('banner.engine.reconnecting', { engine, attempt: connection.attempt + 1, reason: describeError(connection.error, t) }),
      };
    case 'unreachable':
    default:
      if (!snapshot.endpoint) return { tone: 'bad', text: describeError(connection.error ?? { code: 'no-engine' }, t) };
      return { tone: 'bad', text: t('banner.engine.unreachable', { engine, reason: describeError(connection.error ?? { code: 'engine-unreachable' }, t) }) };
  }
}
