// Pull an image: the reference checked with the engine's own rules as typed, then each layer's
// progress and a total, cancellable. The pull goes on if the dialog closes (a strip in the view
// shows it). With no registry in reach, the engine's refusal is said in plain words.
import { useId, useState } from 'react';
import { validateImageReference } from '../../../shared/validate';
import type { Translate } from '../../i18n';
import { useLanguage, useT } from '../../i18n/react';
import { TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { WorkButtons } from './WorkButtons';
import { ErrorNote, ProgressBar } from '../../components/ResourceParts';
import type { PullRun } from '../../stores/images';
import { useImages } from '../../stores/resources-react';
import { knownKey } from '../isolation/words';
import { describeLayer, describePull, layerFraction, pullFraction, shortId } from './model';

const isActive = (pull: PullRun | null): boolean => pull !== null && (pull.phase === 'starting' || pull.phase === 'running');

/** The first problem with a typed reference, in words; null when the engine would take it. */
export function referenceProblem(value: string, t: Translate): string | null {
  const [problem] = validateImageReference(value.trim(), 'reference');
  if (!problem) return null;
  const key = knownKey('validate.', problem.rule);
  return key ? t(key, problem.params ?? {}) : t('validate.image-reference', { value });
}

export function PullDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const id = useId();
  const pull = useImages((s) => s.pull);
  const startPull = useImages((s) => s.startPull);
  const cancelPull = useImages((s) => s.cancelPull);
  const [reference, setReference] = useState(() => (pull && isActive(pull) ? pull.reference : ''));
  const [touched, setTouched] = useState(false);
  const problem = referenceProblem(reference, t);
  const active = isActive(pull);

  return (
    <FormDialog
      className="wide-dialog pull-dialog"
      title={t('pull.title')}
      noValidate
      onSubmit={() => {
        setTouched(true);
        if (problem === null && !active) void startPull(reference.trim());
      }}
      onClose={onClose}
    >
      <TextField
        id={`${id}-ref`}
        label={t('pull.reference')}
        hint={t('pull.hint')}
        error={touched ? problem : null}
        mono
        value={reference}
        placeholder={t('pull.placeholder')}
        disabled={active}
        onChange={(value) => {
          setReference(value);
          setTouched(true);
        }}
      />
      {pull ? <PullProgressView pull={pull} /> : null}
      <WorkButtons
        work="pull"
        active={active}
        onCancelWork={() => void cancelPull()}
        onClose={onClose}
        submit={
          active ? null : (
            <button type="submit" className="button primary" disabled={touched && problem !== null}>
              {t('pull.submit')}
            </button>
          )
        }
      />
    </FormDialog>
  );
}

/** Where a pull stands: the total, then each layer with its bar; the outcome once it ends. */
export function PullProgressView({ pull }: { pull: PullRun }) {
  const t = useT();
  const language = useLanguage();
  const progress = pull.progress;
  return (
    <section className="pull-progress" aria-label={t('pull.progressLabel', { reference: pull.reference })}>
      <PullOutcome pull={pull} t={t} />
      {progress && progress.layers.length > 0 ? (
        <>
          <ProgressBar value={pullFraction(progress)} label={t('pull.totalLabel')} text={describePull(progress, t, language)} />
          <ul className="pull-layers">
            {progress.layers.map((layer) => (
              <li key={layer.id}>
                <code className="layer-id">{shortId(layer.id)}</code>
                <ProgressBar value={layerFraction(layer)} label={t('pull.layerLabel', { id: shortId(layer.id) })} text={describeLayer(layer, t, language)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function PullOutcome({ pull, t }: { pull: PullRun; t: Translate }) {
  if (pull.phase === 'failed') {
    return pull.error ? <ErrorNote error={pull.error} prefix={(reason) => t('pull.failed', { reference: pull.reference, reason })} /> : null;
  }
  const { reference } = pull;
  const digest = pull.progress?.digest;
  const text = {
    starting: () => t('pull.starting', { reference }),
    running: () => pull.progress?.status ?? t('pull.running', { reference }),
    done: () => (digest ? t('pull.doneDigest', { reference, digest }) : t('pull.done', { reference })),
    cancelled: () => t('pull.cancelled', { reference }),
  }[pull.phase]();
  return (
    <p className={pull.phase === 'done' ? 'outcome-ok' : 'muted'} role="status">
      {text}
    </p>
  );
}
