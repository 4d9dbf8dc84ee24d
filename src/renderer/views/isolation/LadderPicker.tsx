// The ladder in the "Change isolation" dialog: each rung with where the container runs now and
// the targets the engine really offers there, one radio button per target.
import type { MoveTarget } from '../../../shared/isolation/gvisor-limits';
import type { LadderPosition } from '../../../shared/model/move';
import type { Rung } from '../../../shared/model/isolation';
import type { Translate } from '../../i18n';
import { RungBadge } from '../../components/IsolationBadge';
import { RuntimeAliases, aliasesOf } from '../../components/RuntimeAliases';
import type { RuntimeInfo } from '../../../shared/model/engine';
import { ladderRows } from './selection';
import { modeLabel } from './words';

function explainRung(rung: Rung, windows: boolean, t: Translate): string {
  if (windows && rung === 'shared-kernel') return t('rungExplainWindows.shared-kernel');
  if (windows && rung === 'virtual-machine') return t('rungExplainWindows.virtual-machine');
  return t(`rungExplain.${rung}`);
}

export function LadderPicker({
  current,
  targets,
  chosen,
  windows,
  many = false,
  runtimes = [],
  disabled,
  onChoose,
  t,
}: {
  current: readonly LadderPosition[];
  targets: readonly MoveTarget[];
  chosen: string | null;
  windows: boolean;
  /** A selection or a project: the sentences speak of "these containers". */
  many?: boolean;
  /** The engine's runtimes, for each target's other names. */
  runtimes?: readonly RuntimeInfo[];
  disabled: boolean;
  onChoose: (target: string) => void;
  t: Translate;
}) {
  const rows = ladderRows(current, targets);
  return (
    <fieldset className="pick-ladder" disabled={disabled}>
      <legend>{t('move.ladder')}</legend>
      <ol>
        {rows.map((row) => (
          <li key={row.rung} className={`pick-rung${row.current.length > 0 ? ' is-current' : ''}`}>
            <div className="pick-rung-head">
              <RungBadge rung={row.rung} />
              {row.current.map((mode) => (
                <span key={mode} className="tag now-tag">
                  {t('move.now', { mode: modeLabel(mode, row.rung, windows, t) })}
                </span>
              ))}
            </div>
            <p className="pick-rung-explain muted">{explainRung(row.rung, windows, t)}</p>
            <div className="pick-targets">
              {row.targets.map((target) => (
                <label key={target.name} className={chosen === target.name ? 'pick-target chosen' : 'pick-target'}>
                  <input type="radio" name="isolation-target" value={target.name} checked={chosen === target.name} onChange={() => onChoose(target.name)} />
                  <span className="pick-target-name">{modeLabel(target.name, target.rung, windows, t)}</span>
                  {target.isDefault ? <span className="tag">{t('ladder.default')}</span> : null}
                  {target.sameRung ? <span className="tag muted-tag">{t('move.sameRung')}</span> : null}
                  <RuntimeAliases aliases={aliasesOf(target.name, runtimes)} />
                </label>
              ))}
              {row.targets.length === 0 && row.current.length === 0 ? (
                <span className="muted">
                  {t(
                    !windows
                      ? 'move.noRuntimeHere'
                      : row.rung === 'user-namespaced' || row.rung === 'user-space-kernel'
                        ? 'ladder.notOnWindows'
                        : 'move.noModeHere',
                  )}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {targets.length === 0 ? <p className="note">{t(many ? 'move.noTargetsMany' : 'move.noTargets')}</p> : null}
    </fieldset>
  );
}
