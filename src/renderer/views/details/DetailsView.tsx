// One container's details, as a page in place of the list: its name, state and isolation, its
// actions, and seven tabs (Inspect, Isolation, Logs, Stats, Processes, Changes, Terminal). A tab asks the
// engine only while it is shown; the terminal alone stays open behind other tabs (a shell is the
// person's session) until the page closes or shows another container.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ContainerAction, ContainerState } from '../../../shared/model/container';
import { useT } from '../../i18n/react';
import { useContainers, useEngine, useIsolation, useUi } from '../../stores/react';
import { isLive } from '../../stores/selectors/engine';
import { actionsFor } from '../../stores/selectors/actions';
import { findContainer } from '../../stores/selectors/find-container';
import { DETAILS_TABS, type DetailsTab } from '../../stores/details';
import { ActionButton } from '../../components/ActionButtons';
import { IsolationCell } from '../../components/IsolationBadge';
import { Icon } from '../../components/Icon';
import { MoveButton } from '../../components/MoveButton';
import { imageLabel } from '../../format/image';
import { RemoveDialog, type RemoveChoice } from '../../components/RemoveDialog';
import { useDetails } from './hooks';
import { InspectTab } from './InspectTab';
import { IsolationTab } from './IsolationTab';
import { LogsTab } from './LogsTab';
import { StatsTab } from './StatsTab';
import { ProcessesTab } from './ProcessesTab';
import { ChangesTab } from './ChangesTab';
import { TerminalTab } from './TerminalTab';
import './details.css';

/** `reference` is what the address names: the container's id, its name, or a prefix of its id. */
export function DetailsView({ reference }: { reference: string }) {
  const t = useT();
  const container = useContainers((s) => findContainer(s.byId, reference));
  const id = container?.id ?? reference;
  const loaded = useContainers((s) => s.loaded);
  const busy = useContainers((s) => s.busy.has(id));
  const act = useContainers((s) => s.act);
  const live = useEngine((s) => isLive(s.link, s.snapshot));
  const closeDetails = useUi((s) => s.closeDetails);
  const openMove = useIsolation((s) => s.openMove);
  const [removing, setRemoving] = useState(false);
  const tab = useDetails((s) => s.tab);
  const setTab = useDetails((s) => s.setTab);
  const reset = useDetails((s) => s.reset);
  // The terminal stays mounted behind other tabs once opened, until the page closes.
  const [terminalOpened, setTerminalOpened] = useState(tab === 'terminal');
  const tabRefs = useRef(new Map<DetailsTab, HTMLButtonElement>());
  const setReturnFocus = useUi((s) => s.setReturnFocus);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening details puts the person on its heading; leaving them puts the list back on its row.
  const present = container !== undefined;
  useEffect(() => {
    headingRef.current?.focus();
  }, [id, present]);
  useEffect(() => () => setReturnFocus(id), [id, setReturnFocus]);

  useEffect(() => {
    if (tab === 'terminal') setTerminalOpened(true);
  }, [tab]);
  // Another container, or the page closing: what was loaded for this one goes.
  useEffect(() => () => reset(), [id, reset]);

  const onTabKey = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const at = DETAILS_TABS.indexOf(tab);
      const next =
        event.key === 'ArrowRight'
          ? DETAILS_TABS[(at + 1) % DETAILS_TABS.length]
          : event.key === 'ArrowLeft'
            ? DETAILS_TABS[(at - 1 + DETAILS_TABS.length) % DETAILS_TABS.length]
            : event.key === 'Home'
              ? DETAILS_TABS[0]
              : event.key === 'End'
                ? DETAILS_TABS[DETAILS_TABS.length - 1]
                : undefined;
      if (!next) return;
      event.preventDefault();
      setTab(next);
      tabRefs.current.get(next)?.focus();
    },
    [tab, setTab],
  );

  const onAct = useCallback((action: ContainerAction) => (action === 'remove' ? setRemoving(true) : void act([id], action)), [act, id]);
  const onConfirmRemove = useCallback(
    (choice: RemoveChoice) => {
      setRemoving(false);
      // Removed (or already gone): the page of a container that no longer exists closes.
      void act([id], 'remove', { ...choice, names: { [id]: container?.name ?? id } }).then((report) => {
        if (!report.failures.some((f) => f.id === id)) closeDetails();
      });
    },
    [act, id, closeDetails, container?.name],
  );

  if (!container) {
    return (
      <section className="view details-view" aria-labelledby="details-title">
        <header className="details-head">
          <BackButton label={t('details.back')} onClick={closeDetails} />
          <h1 id="details-title" ref={headingRef} tabIndex={-1}>
            {t('details.title')}
          </h1>
        </header>
        {/* A link to a container that is gone, or not there yet: said plainly; it shows once it exists. */}
        <p className="details-gone" role={loaded ? 'alert' : undefined}>
          {loaded ? t('details.missing', { reference }) : t('containers.loading')}
        </p>
      </section>
    );
  }

  const running = container.state === 'running';
  const panelId = (name: DetailsTab): string => `details-panel-${name}`;
  const tabId = (name: DetailsTab): string => `details-tab-${name}`;
  const panel = (name: DetailsTab) => ({ role: 'tabpanel' as const, id: panelId(name), 'aria-labelledby': tabId(name), className: `tab-panel tab-${name}` });

  return (
    <section className="view details-view" aria-labelledby="details-title">
      <header className="details-head">
        <BackButton label={t('details.back')} onClick={closeDetails} />
        <h1 id="details-title" title={container.name} ref={headingRef} tabIndex={-1}>
          {container.name}
        </h1>
        <span className="details-state">
          <span className={`dot dot-${container.state}`} aria-hidden="true" />
          {t(`state.${container.state}`)}
        </span>
        <span className="details-image muted" title={imageLabel(container.image, t).title}>
          {imageLabel(container.image, t).text}
        </span>
        <IsolationCell isolation={container.isolation} />
        <MoveButton
          label={t('details.changeIsolation')}
          disabled={busy || !live || container.state === 'removing'}
          onClick={() => openMove({ kind: 'containers', ids: [id] })}
        />
        <span className="spacer" />
        <div className="details-actions" role="group" aria-label={t('column.actions')}>
          {actionsFor(container.state).map((action) => (
            <ActionButton key={action} action={action} disabled={busy || !live} onAct={onAct} />
          ))}
        </div>
      </header>
      {removing ? <RemoveDialog containers={[container]} onConfirm={onConfirmRemove} onCancel={() => setRemoving(false)} /> : null}
      <div className="tabs" role="tablist" aria-label={t('details.tabsLabel', { name: container.name })} onKeyDown={onTabKey}>
        {DETAILS_TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              if (el) tabRefs.current.set(name, el);
              else tabRefs.current.delete(name);
            }}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={tab === name}
            aria-controls={tab === name ? panelId(name) : undefined}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'tab current' : 'tab'}
            onClick={() => setTab(name)}
          >
            {t(`details.tab.${name}`)}
          </button>
        ))}
      </div>
      {tab !== 'terminal' ? (
        <div key={tab} {...panel(tab)}>
          {
            {
              inspect: <InspectTab container={container} live={live} />,
              isolation: <IsolationTab container={container} />,
              logs: <LogsTab container={container} live={live} />,
              stats: (
                <StatsTab id={id} running={running} live={live} startButton={<StartButton state={container.state} disabled={busy || !live} onAct={onAct} />} />
              ),
              processes: <ProcessesTab id={id} state={container.state} live={live} />,
              changes: <ChangesTab id={id} live={live} />,
            }[tab]
          }
        </div>
      ) : null}
      {terminalOpened ? (
        <div {...panel('terminal')} hidden={tab !== 'terminal'}>
          <TerminalTab
            key={id}
            id={id}
            state={container.state}
            live={live}
            visible={tab === 'terminal'}
            startButton={<StartButton state={container.state} disabled={busy || !live} onAct={onAct} />}
          />
        </div>
      ) : null}
    </section>
  );
}

/** Start (or Resume, when paused) inside "This container is not running". */
function StartButton({ state, disabled, onAct }: { state: ContainerState; disabled: boolean; onAct: (action: ContainerAction) => void }) {
  const action = state === 'paused' ? 'unpause' : 'start';
  if (!actionsFor(state).includes(action)) return null;
  return <ActionButton action={action} disabled={disabled} onAct={onAct} />;
}

function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button back-button" onClick={onClick}>
      <Icon name="chevron" className="chevron back" />
      <span>{label}</span>
    </button>
  );
}
