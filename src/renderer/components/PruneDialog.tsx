// A prune, estimate first: what would go and what it frees is shown before anything is removed;
// the prune itself shows that it is working, then what it removed.
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { SiloError } from '../../shared/errors';
import type { PruneResult } from '../../shared/model/image-list';
import { errorOf } from '../api';
import type { Language } from '../../shared/model/preferences';
import { formatBytes } from '../format/bytes';
import type { Translate } from '../i18n';
import { useT } from '../i18n/react';
import { ModalDialog } from './ModalDialog';
import { ErrorNote, ProgressBar } from './ResourceParts';

type Step<E> =
  | { step: 'estimating' }
  | { step: 'estimated'; estimate: E }
  | { step: 'estimate-failed'; error: SiloError }
  | { step: 'pruning'; estimate: E }
  | { step: 'pruned'; result: PruneResult }
  | { step: 'prune-failed'; estimate: E; error: SiloError };

export function PruneDialog<E>({
  title,
  estimate,
  isEmpty,
  renderEstimate,
  prune,
  describeResult,
  onClose,
}: {
  title: string;
  estimate: () => Promise<E>;
  isEmpty: (estimate: E) => boolean;
  renderEstimate: (estimate: E) => ReactNode;
  prune: () => Promise<PruneResult>;
  describeResult: (result: PruneResult) => string;
  onClose: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<Step<E>>({ step: 'estimating' });

  useEffect(() => {
    let live = true;
    estimate().then(
      (e) => live && setState({ step: 'estimated', estimate: e }),
      (reason: unknown) => live && setState({ step: 'estimate-failed', error: errorOf(reason) }),
    );
    return () => {
      live = false;
    };
  }, [estimate]);

  const run = (e: E): void => {
    setState({ step: 'pruning', estimate: e });
    prune().then(
      (result) => setState({ step: 'pruned', result }),
      (reason: unknown) => setState({ step: 'prune-failed', estimate: e, error: errorOf(reason) }),
    );
  };

  const current = 'estimate' in state ? state.estimate : null;
  const pruning = state.step === 'pruning';
  return (
    <ModalDialog className="wide-dialog prune-dialog" onCancel={onClose} canCancel={!pruning}>
      {(titleId) => (
        <div className="dialog-stack">
          <h2 id={titleId}>{title}</h2>
          {state.step === 'estimating' ? <ProgressBar value={null} label={t('prune.estimating')} text={t('prune.estimating')} /> : null}
          {state.step === 'estimate-failed' ? <ErrorNote error={state.error} prefix={(reason) => t('prune.estimateFailed', { reason })} /> : null}
          {current !== null && state.step !== 'pruned' ? renderEstimate(current) : null}
          {pruning ? <ProgressBar value={null} label={t('prune.running')} text={t('prune.running')} /> : null}
          {state.step === 'prune-failed' ? <ErrorNote error={state.error} prefix={(reason) => t('prune.failed', { reason })} /> : null}
          {state.step === 'pruned' ? (
            <p className="outcome-ok" role="status">
              {describeResult(state.result)}
            </p>
          ) : null}
          <div className="dialog-buttons wrap">
            <button type="button" className="button" disabled={pruning} onClick={onClose}>
              {state.step === 'pruned' ? t('resources.close') : t('common.cancel')}
            </button>
            {state.step === 'estimated' || state.step === 'prune-failed' ? (
              <button type="button" className="button primary danger" disabled={isEmpty(state.estimate)} onClick={() => run(state.estimate)}>
                {t('prune.confirm')}
              </button>
            ) : null}
          </div>
        </div>
      )}
    </ModalDialog>
  );
}

/** One thing a prune would remove: its name and what it frees, in words. */
export interface PruneEntry {
  key: string;
  name: string;
  size: string;
}

/** What a resource view says about its prune: the estimate's sentence, its note, its entries. */
export interface PruneSpec<E> {
  /** The button that opens it, and the dialog's heading. */
  label: string;
  title: string;
  estimate: () => Promise<E>;
  prune: () => Promise<PruneResult>;
  summary: (estimate: E) => string;
  explain: (estimate: E) => string;
  entries: (estimate: E) => PruneEntry[];
  /** The sentence after it: how many went and what they freed. */
  result: (result: PruneResult) => string;
}

export function ResourcePrune<E>({ title, spec, onClose }: { title: string; spec: PruneSpec<E>; onClose: () => void }) {
  return (
    <PruneDialog<E>
      title={title}
      estimate={spec.estimate}
      isEmpty={(e) => spec.entries(e).length === 0}
      renderEstimate={(e) => <PruneList summary={spec.summary(e)} explain={spec.explain(e)} entries={spec.entries(e)} />}
      prune={spec.prune}
      describeResult={spec.result}
      onClose={onClose}
    />
  );
}

function PruneList({ summary, explain, entries }: { summary: string; explain: string; entries: PruneEntry[] }) {
  return (
    <>
      <p role="status">{summary}</p>
      <p className="note">{explain}</p>
      {entries.length > 0 ? (
        <ul className="prune-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <code>{entry.name}</code>
              <span className="muted">{entry.size}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** A view's prune spec from its own parts; the button, heading and result come from its name. */
export function resourcePrune<E>(
  name: 'images' | 'volumes',
  parts: Pick<PruneSpec<E>, 'estimate' | 'prune' | 'summary' | 'explain' | 'entries'>,
  t: Translate,
  language: Language,
): PruneSpec<E> {
  return {
    ...parts,
    label: t(`${name}.prune`),
    title: t(`${name}.pruneTitle`),
    result: (r) => t(`${name}.pruned`, { count: r.deleted.length, size: formatBytes(r.spaceReclaimed, language) }),
  };
}
