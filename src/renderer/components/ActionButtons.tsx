// Buttons for container actions. Their accessible names are exactly the action's name
// (Start, Stop, Restart, Pause, Resume, Kill, Remove in English).
import type { ContainerAction } from '../../shared/model/container';
import { useT } from '../i18n/react';
import { Icon } from './Icon';

export function ActionButton({
  action,
  onAct,
  disabled,
  compact,
  count,
}: {
  action: ContainerAction;
  onAct: (action: ContainerAction) => void;
  disabled?: boolean;
  /** Icon only (the name stays in aria-label and the tooltip). */
  compact?: boolean;
  /** How many containers it applies to, shown beside the label. */
  count?: number;
}) {
  const t = useT();
  const name = t(`action.${action}`);
  const danger = action === 'kill' || action === 'remove';
  const classes = ['action', compact ? 'icon-button' : 'button', danger ? 'danger' : ''].filter(Boolean).join(' ');
  if (compact) {
    return (
      <button type="button" className={classes} aria-label={name} title={name} disabled={disabled} onClick={() => onAct(action)}>
        <Icon name={action} />
      </button>
    );
  }
  return (
    <button
      type="button"
      className={classes}
      aria-label={name}
      title={count === undefined ? name : t('selection.actionHint', { action: name, count })}
      disabled={disabled}
      onClick={() => onAct(action)}
    >
      <Icon name={action} />
      <span>{name}</span>
      {count === undefined ? null : <span className="count">{count}</span>}
    </button>
  );
}
