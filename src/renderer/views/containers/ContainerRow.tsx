// One row of the containers table, and the header row of a compose project group.
import { memo } from 'react';
import { imageLabel } from '../../format/image';
import type { ContainerAction, ContainerSummary } from '../../../shared/model/container';
import type { Translate } from '../../i18n';
import { describeStatus } from '../../format/status';
import { describePorts } from '../../format/ports';
import { describeRootAccess } from '../../format/root-access';
import { ActionButton } from '../../components/ActionButtons';
import { MoveButton } from '../../components/MoveButton';
import { ComposeProjectActions } from '../../components/ComposeProjectActions';
import { IsolationCell } from '../../components/IsolationBadge';
import { BoundaryMark } from '../../components/BoundaryMark';
import { Icon } from '../../components/Icon';
import { actionsFor } from '../../stores/selectors/actions';
import type { GroupRow } from '../../stores/selectors/containers';

export interface ContainerRowProps {
  container: ContainerSummary;
  ariaRowIndex: number;
  selected: boolean;
  busy: boolean;
  now: number;
  t: Translate;
  onToggle: (id: string, on: boolean) => void;
  onAct: (container: ContainerSummary, action: ContainerAction) => void;
  onMove: (container: ContainerSummary) => void;
  /** Opens the container's details (its name is the button). */
  onOpen?: (id: string) => void;
}

export const ContainerRow = memo(function ContainerRow({
  container,
  ariaRowIndex,
  selected,
  busy,
  now,
  t,
  onToggle,
  onAct,
  onMove,
  onOpen,
}: ContainerRowProps) {
  const status = describeStatus(container, now, t);
  const ports = describePorts(container.ports, t);
  const image = imageLabel(container.image, t);
  const rootMark = describeRootAccess(container.rootAccess, t) ?? (container.mountsEngineSocket ? t('containers.controlsEngine') : null);
  return (
    <div
      role="row"
      aria-rowindex={ariaRowIndex}
      aria-label={t('containers.rowLabel', { name: container.name, state: t(`state.${container.state}`) })}
      className={`ct-grid ct-row state-${container.state}${selected ? ' selected' : ''}`}
    >
      <div role="gridcell" className="cell-check">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('containers.selectOne', { name: container.name })}
          onChange={(e) => onToggle(container.id, e.target.checked)}
        />
      </div>
      <div role="gridcell" className="cell-name" title={container.name}>
        {onOpen ? (
          <button
            type="button"
            className="name name-link"
            data-row-open=""
            title={t('details.openHint', { name: container.name })}
            onClick={() => onOpen(container.id)}
          >
            {container.name}
          </button>
        ) : (
          <span className="name">{container.name}</span>
        )}
        {rootMark ? <Icon name="warning" className="engine-socket" label={rootMark} /> : null}
      </div>
      <div role="gridcell" className="cell-image" title={image.title}>
        {image.text}
      </div>
      <div role="gridcell" className="cell-state">
        <span className={`dot dot-${container.state}`} aria-hidden="true" />
        {t(`state.${container.state}`)}
      </div>
      <div role="gridcell" className="cell-status" title={status}>
        {status}
      </div>
      <div role="gridcell" className="cell-ports" title={ports}>
        {ports}
      </div>
      <div
        role="gridcell"
        className="cell-project"
        title={container.composeService ? t('containers.service', { service: container.composeService }) : undefined}
      >
        {container.composeProject ?? ''}
      </div>
      <div role="gridcell" className="cell-isolation">
        <IsolationCell isolation={container.isolation} />
        <BoundaryMark boundary={container.boundary} />
      </div>
      <div role="gridcell" className="cell-actions">
        <MoveButton label={t('move.action')} compact disabled={busy || container.state === 'removing'} onClick={() => onMove(container)} />
        {actionsFor(container.state).map((action) => (
          <ActionButton key={action} action={action} compact disabled={busy} onAct={(a) => onAct(container, a)} />
        ))}
      </div>
    </div>
  );
});

export function GroupHeaderRow({
  group,
  ariaRowIndex,
  t,
  onToggle,
  onMove,
}: {
  group: GroupRow;
  ariaRowIndex: number;
  t: Translate;
  onToggle: (key: string) => void;
  onMove?: (project: string) => void;
}) {
  const name = group.project ?? t('containers.noProject');
  return (
    <div role="row" aria-rowindex={ariaRowIndex} aria-label={name} className="ct-group">
      <div role="gridcell" aria-colspan={9} className="cell-group">
        <button type="button" className="group-toggle" aria-expanded={!group.collapsed} onClick={() => onToggle(group.projectKey)}>
          <Icon name="chevron" className={group.collapsed ? 'chevron' : 'chevron open'} />
          <span className={group.project ? 'group-name' : 'group-name muted'}>{name}</span>
          <span className="group-count">{t('containers.groupCount', { count: group.count, running: group.running })}</span>
        </button>
        {group.project !== null && onMove ? <ComposeProjectActions project={group.project} count={group.count} running={group.running} /> : null}
        {group.project !== null && onMove ? (
          <MoveButton label={t('move.actionProject', { project: group.project })} text={t('move.action')} onClick={() => onMove(group.project ?? '')} />
        ) : null}
      </div>
    </div>
  );
}
