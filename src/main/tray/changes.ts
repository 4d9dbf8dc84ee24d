// What the tray's "Default isolation" and "Switch to Linux/Windows containers" do: the change
// itself goes through the backends' safe path (backends/direct-changes.ts); a small native box
// asks first where the change needs it (administrator rights, Docker Desktop's switch), and a
// notification tells the outcome. A click on it opens Engine settings, where the details are.
import { dialog, Notification } from 'electron';
import { toSiloError } from '../../shared/errors';
import type { ContainerPlatform } from '../../shared/model/backends';
import type { Language } from '../../shared/model/preferences';
import type { Place } from '../../shared/place';
import { changeDefaultIsolation, switchDesktopContainersAcknowledged } from '../backends/direct-changes';
import type { Backends } from '../backends/handlers';
import type { EngineService } from '../engine/types';
import type { TrayAppActions } from './actions';
import {
  wordContainersError,
  wordContainersQuestion,
  wordContainersSwitch,
  wordElevationQuestion,
  wordIsolationChange,
  wordIsolationError,
  wordWeakeningQuestion,
  type Question,
  type Wording,
} from './words';

export interface TrayChangesOptions {
  backends: Pick<Backends, 'daemon' | 'desktop'>;
  engine: Pick<EngineService, 'snapshot'>;
  language(): Language;
  /** Shows the window at a place (the notification's click). */
  openPlace(place: Place): void;
  log(line: string): void;
}

const BACKENDS: Place = { view: 'backends' };

export function trayChanges(options: TrayChangesOptions): Pick<TrayAppActions, 'setDefaultIsolation' | 'switchEngineOs'> {
  // Held until closed: a notification Electron no longer references loses its click.
  const shown = new Set<Notification>();
  const tell = (wording: Wording): void => {
    options.log(`tray change: ${wording.title} · ${wording.body}`);
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: wording.title, body: wording.body });
    notification.on('click', () => options.openPlace(BACKENDS));
    notification.on('close', () => shown.delete(notification));
    shown.add(notification);
    notification.show();
  };
  const ask = async (question: Question): Promise<boolean> => {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: question.title,
      message: question.title,
      detail: question.message,
      buttons: [question.confirm, question.cancel],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  };

  return {
    async setDefaultIsolation(mode: string) {
      const language = options.language();
      const engine = options.engine.snapshot().endpoint?.name ?? '';
      try {
        const change = await changeDefaultIsolation(options.backends, options.engine, mode, {
          elevate: (file) => ask(wordElevationQuestion(file, mode, language)),
          acknowledge: (weakenings) => ask(wordWeakeningQuestion(weakenings, mode, language)),
        });
        tell(wordIsolationChange(change, { mode, engine }, language));
      } catch (error) {
        tell(wordIsolationError(toSiloError(error, (e) => options.log(`tray change: ${(e as Error)?.stack ?? String(e)}`)).code, language));
      }
    },
    async switchEngineOs(target: ContainerPlatform) {
      const language = options.language();
      try {
        const result = await switchDesktopContainersAcknowledged(options.backends, target, { acknowledge: (to) => ask(wordContainersQuestion(to, language)) });
        if (result) tell(wordContainersSwitch(result, target, language));
      } catch (error) {
        tell(wordContainersError(toSiloError(error, (e) => options.log(`tray change: ${(e as Error)?.stack ?? String(e)}`)).code, language));
      }
    },
  };
}
