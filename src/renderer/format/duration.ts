// Durations worded the way the docker CLI words them (go-units HumanDuration), in the
// person's language.
import type { Translate } from '../i18n';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function humanDuration(ms: number, t: Translate): string {
  const seconds = Math.floor(Math.max(0, ms) / SECOND);
  const minutes = Math.floor(ms / MINUTE);
  const hours = Math.round(ms / HOUR);
  if (seconds < 1) return t('duration.lessThanSecond');
  if (seconds < 60) return t('duration.seconds', { count: seconds });
  if (minutes === 1) return t('duration.aboutMinute');
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  if (hours === 1) return t('duration.aboutHour');
  if (hours < 48) return t('duration.hours', { count: hours });
  if (hours < 24 * 7 * 2) return t('duration.days', { count: Math.floor(ms / DAY) });
  if (hours < 24 * 30 * 2) return t('duration.weeks', { count: Math.floor(ms / (7 * DAY)) });
  if (hours < 24 * 365 * 2) return t('duration.months', { count: Math.floor(ms / (30 * DAY)) });
  return t('duration.years', { count: Math.floor(ms / (365 * DAY)) });
}
