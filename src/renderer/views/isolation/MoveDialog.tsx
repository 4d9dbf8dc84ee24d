// "Change isolation of NAME": the ladder with the targets the engine offers, the advice for the
// chosen one, the cost when asked, then the move with its progress and its outcome in plain words.
// For a selection or a compose project the same, per container (a project moves all or nothing).
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { MoveTarget } from '../../../shared/isolation/gvisor-limits';
import type { ContainerSummary } from '../../../shared/model/container';
import type { IsolationTargets, LadderPosition, MoveAdvice, MoveProgress, MoveReport, WritableLayerDecision } from '../../../shared/model/move';
import { errorOf } from '../../api';
import { describeError } from '../../format/errors';
import { rungName } from '../../format/isolation';
import { useT } from '../../i18n/react';
import type { Translate } from '../../i18n';
import { ModalDialog } from '../../components/ModalDialog';
import { RungBadge } from '../../components/IsolationBadge';
import { useContainers, useEngine, useIsolation, useStores } from '../../stores/react';
import type { MoveRequest } from '../../stores/isolation';
import { AdviceView } from './AdviceView';
import { CostView, type CostState } from './CostView';
import { LadderPicker } from './LadderPicker';
import { MoveResult } from './MoveResult';
import { settledReport } from './settled';
import { acknowledgedToSend, alreadyThere, choicesToSend, confirmBlock, inPool, newOperationId, projectMembers, reachableTargets } from './selection';
import { modeLabel } from './words';

interface Member {
  id: string;
  name: string;
}

type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: SiloError };

const NO_EVENTS: readonly MoveProgress[] = [];

function membersOf(request: MoveRequest, byId: ReadonlyMap<string, ContainerSummary>): Member[] {
  if (request.kind === 'project') return projectMembers(byId.values(), request.project).map((c) => ({ id: c.id, name: c.name }));
  return request.ids.map((id) => ({ id, name: byId.get(id)?.name ?? id.slice(0, 12) }));
}

function titleOf(request: MoveRequest, members: readonly Member[], t: Translate): string {
  if (request.kind === 'project') return t('move.titleProject', { project: request.project });
  const only = members.length === 1 ? members[0] : undefined;
  return only ? t('move.title', { name: only.name }) : t('move.titleMany', { count: members.length });
}

export function MoveDialog({ request, onClose }: { request: MoveRequest; onClose: () => void }) {
  const t = useT();
  const byId = useContainers((s) => s.byId);
  const killNow = useContainers((s) => s.act);
  const info = useEngine((s) => s.snapshot?.info ?? null);
  const windows = info?.osType === 'windows';
  const stores = useStores();
  // The store's actions never change: read them once.
  const [api] = useState(() => stores.isolation.getState());
  const forgetProgress = api.forgetProgress;
  // Who the dialog is about is fixed when it opens: during the move the containers change ids.
  const [members] = useState(() => membersOf(request, byId));
  const [operationId] = useState(() => newOperationId());
  const events = useIsolation((s) => s.progress.get(operationId) ?? NO_EVENTS);

  const [targets, setTargets] = useState<Loaded<Map<string, IsolationTargets>>>({ state: 'loading' });
  const [target, setTarget] = useState<string | null>(null);
  const [advice, setAdvice] = useState<ReadonlyMap<string, MoveAdvice>>(new Map());
  const [adviceErrors, setAdviceErrors] = useState<ReadonlyMap<string, SiloError>>(new Map());
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [choices, setChoices] = useState<Record<string, WritableLayerDecision>>({});
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const [cost, setCost] = useState<CostState>({ state: 'idle' });
  const [phase, setPhase] = useState<'choose' | 'running' | 'done'>('choose');
  const [report, setReport] = useState<MoveReport | null>(null);
  const [callError, setCallError] = useState<SiloError | null>(null);
  const generation = useRef(new Map<string, number>());
  const costGeneration = useRef(0);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => forgetProgress(operationId), [forgetProgress, operationId]);

  // The ladder folds away once the move starts: show its steps, then how it ended, at the top.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || phase === 'choose') return;
    if (phase === 'done') body.scrollTop = 0;
    else body.querySelector('.steps')?.scrollIntoView({ block: 'nearest' });
  }, [phase]);

  useEffect(() => {
    let live = true;
    const found = new Map<string, IsolationTargets>();
    inPool(members, 8, async (m) => {
      found.set(m.id, await api.targets(m.id));
    }).then(
      () => live && setTargets({ state: 'done', value: found }),
      (reason: unknown) => live && setTargets({ state: 'failed', error: errorOf(reason) }),
    );
    return () => {
      live = false;
    };
    // The members and the api are fixed for the dialog's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const current: LadderPosition[] = useMemo(() => (targets.state === 'done' ? [...targets.value.values()].map((x) => x.current) : []), [targets]);
  const offered: MoveTarget[] = useMemo(
    () => (targets.state === 'done' ? reachableTargets(members.map((m) => targets.value.get(m.id) ?? { targets: [] })) : []),
    [targets, members],
  );
  const staying = useMemo(() => (targets.state === 'done' ? alreadyThere(targets.value, target) : new Set<string>()), [targets, target]);
  const rungOf = useCallback(
    (mode: string) =>
      offered.find((o) => o.name === mode)?.rung ??
      info?.runtimes.find((r) => r.name === mode)?.rung ??
      current.find((c) => c.mode === mode)?.rung ??
      'unknown',
    [offered, info, current],
  );
  const labelOf = useCallback((mode: string) => modeLabel(mode, rungOf(mode), windows, t), [rungOf, windows, t]);

  const adviseMember = useCallback(
    (id: string, to: string, choice: WritableLayerDecision | undefined): Promise<void> => {
      const gen = (generation.current.get(id) ?? 0) + 1;
      generation.current.set(id, gen);
      const mine = () => generation.current.get(id) === gen;
      setLoading((s) => new Set(s).add(id));
      return api
        .advise({ id, target: to, ...(choice ? { writableLayer: choice } : {}) })
        .then(
          (result) => {
            if (!mine()) return;
            setAdvice((m) => new Map(m).set(id, result));
            setAdviceErrors((m) => {
              const next = new Map(m);
              next.delete(id);
              return next;
            });
          },
          (reason: unknown) => {
            if (!mine()) return;
            setAdviceErrors((m) => new Map(m).set(id, errorOf(reason)));
          },
        )
        .finally(() => {
          if (!mine()) return;
          setLoading((s) => {
            const next = new Set(s);
            next.delete(id);
            return next;
          });
        });
    },
    [api],
  );

  const chooseTarget = (to: string): void => {
    if (to === target) return;
    setTarget(to);
    // What will not work as before depends on the target: acknowledged again for each.
    setAcknowledged(new Set());
    setAdvice(new Map());
    setAdviceErrors(new Map());
    setCost({ state: 'idle' });
    costGeneration.current += 1;
    void inPool(members, 8, (m) => adviseMember(m.id, to, choices[m.id]));
  };

  const chooseLayer = (id: string, choice: WritableLayerDecision): void => {
    setChoices((c) => ({ ...c, [id]: choice }));
    // The steps and what is kept follow the answer (a commit first, or not).
    if (target !== null) void adviseMember(id, target, choice);
  };

  const measure = (): void => {
    if (target === null) return;
    const gen = ++costGeneration.current;
    const from = current.find((c) => c.mode !== target)?.mode;
    const reference = from && info?.runtimes.some((r) => r.name.toLowerCase() === from.toLowerCase()) ? from : undefined;
    setCost({ state: 'measuring' });
    // The probe runs the image and command of a container that would move, never a guess.
    const probe = members.find((m) => !staying.has(m.id));
    api.measureCost({ runtime: target, ...(reference ? { reference } : {}), ...(probe ? { id: probe.id } : {}) }).then(
      (result) => gen === costGeneration.current && setCost({ state: 'done', report: result }),
      (reason: unknown) => gen === costGeneration.current && setCost({ state: 'failed', error: errorOf(reason) }),
    );
  };

  const adviceState = useMemo(() => {
    const m = new Map<string, MoveAdvice | 'loading' | 'failed'>();
    for (const member of members) {
      const a = advice.get(member.id);
      m.set(member.id, adviceErrors.has(member.id) ? 'failed' : loading.has(member.id) || !a ? 'loading' : a);
    }
    return m;
  }, [members, advice, adviceErrors, loading]);
  const ids = members.map((m) => m.id);
  const block = confirmBlock({ target, memberIds: ids, advice: adviceState, choices, acknowledged, phase });

  const confirm = (): void => {
    if (block !== null || target === null) return;
    const sent = choicesToSend(ids, adviceState, choices);
    const known = acknowledgedToSend(ids, adviceState, acknowledged);
    const args = { target, operationId, ...(sent ? { choices: sent } : {}), ...(known ? { acknowledged: known } : {}) };
    setPhase('running');
    setCallError(null);
    const call = request.kind === 'project' ? api.moveProject({ project: request.project, ...args }) : api.move({ ids, ...args });
    call.then(
      (result) => {
        setReport(result);
        setPhase('done');
      },
      (reason: unknown) => {
        setCallError(errorOf(reason));
        setPhase('done');
      },
    );
  };

  const title = titleOf(request, members, t);
  const running = phase === 'running';
  const single = members.length === 1;
  const targetLabel = target === null ? '' : labelOf(target);
  const adviceOf = (id: string) => (
    <AdviceView
      advice={advice.get(id) ?? null}
      error={adviceErrors.get(id) ?? null}
      loading={loading.has(id)}
      choice={choices[id]}
      onChoose={(c) => chooseLayer(id, c)}
      targetLabel={targetLabel}
      events={events}
      running={phase !== 'choose'}
      acknowledged={acknowledged.has(id)}
      onKillNow={() => void killNow([id], 'kill')}
      onAcknowledge={(yes) =>
        setAcknowledged((s) => {
          const next = new Set(s);
          if (yes) next.add(id);
          else next.delete(id);
          return next;
        })
      }
      t={t}
    />
  );

  return (
    <ModalDialog className="move-dialog" onCancel={onClose} canCancel={!running}>
      {(titleId) => (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <h2 id={titleId}>{title}</h2>
          <div className="dialog-body" ref={bodyRef}>
            {request.kind === 'project' ? <p className="note">{t('move.projectAllOrNothing', { count: members.length })}</p> : null}
            {!single && request.kind === 'containers' ? <p className="note">{t('move.selectionEach', { count: members.length })}</p> : null}
            {targets.state === 'loading' ? <p className="muted">{t('move.targetsLoading')}</p> : null}
            {targets.state === 'failed' ? (
              <p className="note warn" role="alert">
                {t('move.targetsFailed', { reason: describeError(targets.error, t) })}
              </p>
            ) : null}
            {targets.state === 'done' && phase === 'choose' ? (
              <LadderPicker
                current={current}
                targets={offered}
                chosen={target}
                windows={windows}
                many={!single}
                runtimes={info?.runtimes ?? []}
                disabled={false}
                onChoose={chooseTarget}
                t={t}
              />
            ) : null}
            {phase !== 'choose' && target !== null ? (
              <p className="move-summary">
                {[...new Set(current.map((c) => c.mode))].map((mode) => (
                  <span key={mode} className="move-from">
                    <span>{t('move.now', { mode: labelOf(mode) })}</span>
                    <RungBadge rung={rungOf(mode)} />
                  </span>
                ))}
                <span className="move-to">
                  <span>{t('move.movingTo', { mode: targetLabel })}</span>
                  <RungBadge rung={rungOf(target)} />
                </span>
              </p>
            ) : null}
            {phase === 'done' ? (
              <MoveResult report={settledReport(report, events)} error={callError} labelOf={labelOf} rungOf={(mode) => rungName(rungOf(mode), t)} t={t} />
            ) : null}

            {target !== null ? (
              <>
                {phase === 'choose' || cost.state === 'done' ? (
                  <section className="cost-section" aria-labelledby={`${titleId}-cost`}>
                    <div className="section-head">
                      <h3 id={`${titleId}-cost`}>{t('cost.title', { target: targetLabel })}</h3>
                      <button type="button" className="button" disabled={cost.state === 'measuring' || running} onClick={measure}>
                        {t(cost.state === 'done' || cost.state === 'failed' ? 'cost.measureAgain' : 'cost.measure')}
                      </button>
                    </div>
                    <CostView cost={cost} labelOf={labelOf} t={t} />
                  </section>
                ) : null}
                {members.map((m) =>
                  staying.has(m.id) ? (
                    <p key={m.id} className="member member-stays muted">
                      {t('move.member.alreadyThere', { name: m.name, mode: targetLabel })}
                    </p>
                  ) : single ? (
                    <Fragment key={m.id}>{adviceOf(m.id)}</Fragment>
                  ) : (
                    <details key={m.id} className="member" open={members.length <= 3 || adviceNeedsEye(adviceState.get(m.id), choices[m.id])}>
                      <summary>
                        <span className="member-name">{m.name}</span>
                        <span className="muted">{memberSummary(adviceState.get(m.id), choices[m.id], t)}</span>
                      </summary>
                      {adviceOf(m.id)}
                    </details>
                  ),
                )}
              </>
            ) : null}

            {running ? (
              <p className="note" role="status">
                {t('move.running')}
              </p>
            ) : null}
          </div>
          <div className="dialog-buttons">
            {block !== null && block !== 'running' && block !== 'done' && target !== null ? (
              <span className="confirm-hint muted">{t(`move.block.${block}`)}</span>
            ) : null}
            {phase === 'done' ? (
              <button type="button" className="button primary" onClick={onClose}>
                {t('move.close')}
              </button>
            ) : (
              <>
                <button type="button" className="button" disabled={running} onClick={onClose}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="button primary" disabled={block !== null}>
                  {t('move.confirm')}
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

function adviceNeedsEye(advice: MoveAdvice | 'loading' | 'failed' | undefined, choice: WritableLayerDecision | undefined): boolean {
  if (advice === 'failed') return true;
  if (advice === undefined || advice === 'loading' || advice.alreadyThere) return false;
  return advice.blockers.length > 0 || advice.mustAcknowledge.length > 0 || (advice.writableLayer.changed && choice === undefined);
}

function memberSummary(advice: MoveAdvice | 'loading' | 'failed' | undefined, choice: WritableLayerDecision | undefined, t: Translate): string {
  if (advice === undefined || advice === 'loading') return t('move.member.loading');
  if (advice === 'failed') return t('move.member.failed');
  if (advice.alreadyThere) return t('move.member.stays');
  if (advice.blockers.length > 0) return t('move.member.blocked', { count: advice.blockers.length });
  if (advice.writableLayer.changed && choice === undefined) return t('move.member.choice');
  return t('move.member.ready', { rung: rungName(advice.before.rung, t), mode: advice.before.mode });
}
