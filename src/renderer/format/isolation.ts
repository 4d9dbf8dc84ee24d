// How a container's isolation and an engine's facts are worded.
import type { EffectiveIsolation, Rung } from '../../shared/model/isolation';
import type { EngineKind } from '../../shared/model/engine';
import type { Translate } from '../i18n';

/** 0 for the weakest boundary, 3 for the strongest; unknown has no place on the scale. */
export function rungLevel(rung: Rung): number | null {
  switch (rung) {
    case 'shared-kernel':
      return 0;
    case 'user-namespaced':
      return 1;
    case 'user-space-kernel':
      return 2;
    case 'virtual-machine':
      return 3;
    default:
      return null;
  }
}

export function rungName(rung: Rung, t: Translate): string {
  return t(`rung.${rung}`);
}

/** The rung in a few words, for badges and narrow places (its long name goes in the tooltip). */
export function rungShortName(rung: Rung, t: Translate): string {
  return t(`rungShort.${rung}`);
}

/** "User-space kernel · runsc", the rung first, then the mode the engine names. */
export function describeIsolation(isolation: EffectiveIsolation | null, t: Translate): string {
  if (!isolation) return t('isolation.pending');
  return t('isolation.rungAndMode', { rung: rungName(isolation.rung, t), mode: isolation.mode });
}

/** Where the isolation came from, in full ("the engine's default") or short ("engine default"). */
export function describeIsolationSource(isolation: EffectiveIsolation, t: Translate, short = false): string {
  if (short) return t(isolation.source === 'container' ? 'isolation.sourceShort.container' : 'isolation.sourceShort.daemon-default');
  return t(isolation.source === 'container' ? 'isolation.source.container' : 'isolation.source.daemon-default');
}

/** "User-space kernel · runsc (engine default)". */
export function describeIsolationFully(isolation: EffectiveIsolation | null, t: Translate): string {
  if (!isolation) return describeIsolation(isolation, t);
  return describeIsolation(isolation, t) + t('isolation.sourceSuffix', { source: describeIsolationSource(isolation, t) });
}

export function engineKindName(kind: EngineKind, t: Translate): string {
  return t(`engineKind.${kind}`);
}
