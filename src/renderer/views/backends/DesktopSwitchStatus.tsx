// A Docker Desktop switch as it runs (its phase, from `backends.desktop.progress`) and as it ended.
import { OutcomeNote } from '../../components/OutcomeNote';
import { useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import { usePlatform } from '../../stores/backends-react';
import { desktopOutcome, desktopPhaseText } from './words';

export function DesktopSwitchStatus() {
  const t = useT();
  const state = usePlatform((s) => s.desktopSwitch);
  const dismiss = usePlatform((s) => s.dismissDesktopSwitch);
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') {
    return (
      <p className="apply-progress" role="status" aria-live="polite">
        {state.progress ? desktopPhaseText(state.progress, t) : t('backends.desktop.phase.writing')}
      </p>
    );
  }
  const outcome =
    state.phase === 'error'
      ? { tone: 'bad', title: describeError(state.error, t), lines: [], detail: state.error.detail ?? null }
      : desktopOutcome(state.result, t);
  return <OutcomeNote outcome={outcome} onDismiss={dismiss} />;
}
