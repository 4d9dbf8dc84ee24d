// An error code becomes one plain sentence; the engine's own words stay available as detail.
import type { SiloError } from '../../shared/errors';
import { ERROR_CODES } from '../../shared/errors';
import type { Translate } from '../i18n';

export function describeError(error: SiloError | null | undefined, t: Translate): string {
  if (!error || !(ERROR_CODES as readonly string[]).includes(error.code)) return t('error.internal');
  // A bug in Silo still names what failed, so a report can say where.
  if (error.code === 'internal' && error.detail) return t('error.internalDetail', { detail: error.detail });
  return t(`error.${error.code}`, { ...error.params, field: error.field ?? '' });
}
