// Actions for the selected (and shown) containers; each applies to those it makes sense for.
import type { ContainerAction, ContainerSummary } from '../../../shared/model/container';
import { ActionButton } from '../../components/ActionButtons';
import { MoveButton } from '../../components/MoveButton';
import { useT } from '../../i18n/react';
import { actionsForSelection } from '../../stores/selectors/actions';

export function SelectionBar({
  selected,
  busy,
  onAct,
  onClear,
  onMove,
}: {
  selected: readonly ContainerSummary[];
  busy: boolean;
  onAct: (action: ContainerAction, ids: string[]) => void;
  onClear: () => void;
  onMove?: (ids: string[]) => void;
}) {
  const t = useT();
  const actions = actionsForSelection(selected);
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.label')}>
      <span className="selection-count">{t('selection.count', { count: selected.length })}</span>
      {[...actions].map(([action, ids]) => (
        <ActionButton key={action} action={action} count={ids.length} disabled={busy} onAct={() => onAct(action, ids)} />
      ))}
      {onMove ? (
        <MoveButton
          label={t('move.action')}
          count={selected.length}
          hint={t('selection.actionHint', { action: t('move.action'), count: selected.length })}
          disabled={busy}
          onClick={() => onMove(selected.map((c) => c.id))}
        />
      ) : null}
      <span className="spacer" />
      <button type="button" className="link-button" onClick={onClear}>
        {t('selection.clear')}
      </button>
    </div>
  );
}
