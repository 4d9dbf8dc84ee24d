// A weakening in plain words, by its code (never the English message). Pure.
import type { DaemonWeakening } from '../../../shared/model/backends';
import type { Translate } from '../../i18n';

export function weakeningText(weakening: DaemonWeakening, t: Translate): string {
  return t(`weakening.${weakening.code}`, weakening.params);
}
