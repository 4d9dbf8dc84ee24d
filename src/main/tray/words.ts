// The sentences of the tray's engine-wide changes: the questions asked before one (a small native
// box) and the outcome told after it (a notification), in the person's language.
import type { ContainerPlatform, DaemonWeakening, DesktopSwitchResult } from '../../shared/model/backends';
import type { Language } from '../../shared/model/preferences';
import type { IsolationChange } from '../backends/direct-changes';
import { trayTranslator } from './i18n/catalog';

export interface Wording {
  title: string;
  body: string;
}

export interface Question {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

export function wordIsolationChange(change: IsolationChange, where: { mode: string; engine: string }, language: Language): Wording {
  const t = trayTranslator(language);
  const params = { mode: where.mode, engine: where.engine };
  const notChanged = (body: string): Wording => ({ title: t('change.isolation.refused.title'), body });
  switch (change.status) {
    case 'applied':
      return {
        title: t('change.isolation.applied.title', params),
        body: change.needsRestart.length > 0 ? t('change.isolation.restart.body', params) : t('change.isolation.applied.body', params),
      };
    case 'unchanged':
      return { title: t('change.isolation.unchanged.title'), body: t('change.isolation.unchanged.body', params) };
    case 'refused':
      return notChanged(t('change.isolation.refused.body'));
    case 'needs-elevation':
      return notChanged(t('change.isolation.elevation.body', { file: change.configFile }));
    case 'failed':
      return notChanged(change.rollback && !change.rollback.restored ? t('change.isolation.notRestored.body') : t('change.isolation.failed.body'));
    case 'locked':
      return notChanged(t('change.isolation.locked.body'));
  }
}

export function wordIsolationError(code: string, language: Language): Wording {
  const t = trayTranslator(language);
  return { title: t('change.isolation.refused.title'), body: t('change.isolation.error.body', { code }) };
}

export function wordElevationQuestion(file: string, mode: string, language: Language): Question {
  const t = trayTranslator(language);
  return {
    title: t('change.elevate.title'),
    message: t('change.elevate.message', { file, mode }),
    confirm: t('change.elevate.confirm'),
    cancel: t('change.cancel'),
  };
}

/** A weaker default isolation, asked before it is made (the tray can only change the default). */
export function wordWeakeningQuestion(weakenings: readonly DaemonWeakening[], mode: string, language: Language): Question {
  const t = trayTranslator(language);
  const lines = weakenings.map((w) =>
    w.code === 'windows-isolation-weaker' || w.code === 'default-runtime-weaker'
      ? t(`change.weaker.${w.code}`, { before: w.params.before ?? '', after: w.params.after ?? '' })
      : t('change.weaker.other'),
  );
  return { title: t('change.weaker.title', { mode }), message: lines.join('\n'), confirm: t('change.weaker.confirm'), cancel: t('change.cancel') };
}

export function wordContainersQuestion(target: ContainerPlatform, language: Language): Question {
  const t = trayTranslator(language);
  const platform = t(`platform.${target}`);
  return {
    title: t('change.containers.ask.title', { platform }),
    message: t('change.containers.ask.message', { platform }),
    confirm: t('change.containers.ask.confirm'),
    cancel: t('change.cancel'),
  };
}

export function wordContainersSwitch(result: DesktopSwitchResult, target: ContainerPlatform, language: Language): Wording {
  const t = trayTranslator(language);
  const platform = t(`platform.${target}`);
  switch (result.status) {
    case 'switched':
      return {
        title: t('change.containers.switched.title', { platform }),
        body: result.restart === 'manual' ? t('change.containers.manual.body') : t('change.containers.switched.body'),
      };
    case 'unchanged':
      return { title: t('change.containers.unchanged.title', { platform }), body: t('change.containers.unchanged.body') };
    case 'refused':
      return { title: t('change.containers.failed.title'), body: t('change.containers.failed.body') };
    case 'failed':
      return {
        title: t('change.containers.failed.title'),
        body: result.rollback && !result.rollback.restored ? t('change.containers.notRestored.body') : t('change.containers.failed.body'),
      };
  }
}

export function wordContainersError(code: string, language: Language): Wording {
  const t = trayTranslator(language);
  return { title: t('change.containers.failed.title'), body: t('change.containers.error.body', { code }) };
}
