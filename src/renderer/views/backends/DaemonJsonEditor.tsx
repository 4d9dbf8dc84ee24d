// The whole daemon.json: the raw text, checked as the person types (the shared rules, here in the
// page; binaries on disk by main a moment after typing stops), what will change, and Apply through
// the same safe apply. The sha256 the file was read with guards against a file changed meanwhile.
// The text is edited in CodeMirror (editor/JsonEditor, loaded lazily), with the problems marked in it.
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DaemonProblem } from '../../../shared/model/backends';
import { useT } from '../../i18n/react';
import { useDaemon } from '../../stores/backends-react';
import { ApplyOutcome } from './ApplyOutcome';
import { BackendsWeakenings } from './BackendsWeakenings';
import { diagnosticsOf } from './editor/diagnostics';
import type { JsonEditorControl } from './editor/JsonEditor';
import { editorModel, offsetOf } from './model';
import { changeText, problemText, problemWhere } from './words';

const SERVER_CHECK_DELAY_MS = 500;
/** Above this many characters the live check waits until typing pauses, off each keystroke's path. */
const LARGE_TEXT = 64 * 1024;
const LARGE_TEXT_DELAY_MS = 400;
/** The list beside the editor shows this many problems; the editor marks them all. */
const MAX_LISTED = 200;

/** The draft as the live check sees it: at once when small, a moment after typing stops when large. */
function useCheckedText(draft: string): string {
  const [later, setLater] = useState(draft);
  const large = draft.length > LARGE_TEXT;
  useEffect(() => {
    if (!large) return;
    const timer = setTimeout(() => setLater(draft), LARGE_TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, large]);
  return large ? later : draft;
}

// CodeMirror is loaded with this editor, not with the first screen.
const JsonEditor = lazy(() => import('./editor/JsonEditor'));

export function DaemonJsonEditor() {
  const t = useT();
  const id = useId();
  const control = useRef<JsonEditorControl | null>(null);
  const read = useDaemon((s) => s.read);
  const draft = useDaemon((s) => s.draft);
  const draftBase = useDaemon((s) => s.draftBase);
  const serverCheck = useDaemon((s) => s.serverCheck);
  const running = useDaemon((s) => s.apply.phase === 'running');
  const setDraft = useDaemon((s) => s.setDraft);
  const resetDraft = useDaemon((s) => s.resetDraft);
  const checkOnServer = useDaemon((s) => s.checkOnServer);
  const applyDraft = useDaemon((s) => s.applyDraft);
  const load = useDaemon((s) => s.load);
  const acknowledged = useDaemon((s) => s.acknowledged);
  const acknowledge = useDaemon((s) => s.acknowledge);

  const editable = read?.editable ? read : null;
  const checked = useCheckedText(draft);
  const pending = checked !== draft;
  const model = useMemo(
    () => (editable ? editorModel(editable, checked, draftBase, serverCheck, acknowledged) : null),
    [editable, checked, draftBase, serverCheck, acknowledged],
  );
  const dirty = draft !== (editable?.text ?? '');
  const diagnostics = useMemo(
    () => (model && !pending ? diagnosticsOf(checked, model.problems, (problem) => problemText(problem, t)) : []),
    [checked, pending, model, t],
  );

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void checkOnServer(), SERVER_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, checkOnServer]);

  if (!editable || !model) return null;

  const goTo = (problem: DaemonProblem) => {
    if (problem.line === null) return;
    control.current?.focusAt(offsetOf(draft, problem.line, problem.column ?? 1));
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backends.editor.title')}</h2>
      <p className="muted">{t('backends.editor.intro')}</p>
      <p className="note">
        {editable.exists ? t('backends.editor.file', { file: editable.configFile }) : t('backends.editor.noFile', { file: editable.configFile })}
      </p>
      <p id={`${id}-hint`} className="note">
        {t('editor.hint')}
      </p>
      <Suspense fallback={<p className="muted">{t('editor.loading')}</p>}>
        <JsonEditor
          value={draft}
          onChange={setDraft}
          label={t('backends.editor.label', { file: editable.configFile })}
          describedBy={`${id}-hint ${id}-problems`}
          invalid={model.errors > 0}
          readOnly={running}
          diagnostics={diagnostics}
          control={control}
        />
      </Suspense>
      {model.stale ? (
        <p className="note warn" role="alert">
          {t('backends.editor.stale')}
        </p>
      ) : null}
      <div className="editor-panels">
        <section aria-labelledby={`${id}-problems`}>
          <h3 id={`${id}-problems`}>
            {model.problems.length === 0 ? t('backends.editor.noProblems') : t('backends.editor.problems', { count: model.problems.length })}
          </h3>
          <ul className="problems">
            {model.problems.slice(0, MAX_LISTED).map((problem, i) => (
              <li key={i} className={`problem ${problem.severity}`}>
                <span className="problem-kind">{t(problem.severity === 'error' ? 'backends.editor.error' : 'backends.editor.warning')}</span>
                {problem.line !== null ? (
                  <button type="button" className="link-button" aria-label={t('backends.editor.goTo', { line: problem.line })} onClick={() => goTo(problem)}>
                    {problemWhere(problem, t)}
                  </button>
                ) : null}
                <span title={problem.message}>{problemText(problem, t)}</span>
              </li>
            ))}
          </ul>
          {model.problems.length > MAX_LISTED ? (
            <p className="muted">{t('backends.editor.moreProblems', { count: model.problems.length - MAX_LISTED })}</p>
          ) : null}
        </section>
        <section aria-labelledby={`${id}-changes`}>
          <h3 id={`${id}-changes`}>{t('backends.editor.changes')}</h3>
          {model.changes === null ? (
            <p className="muted">{t('backends.editor.changesUnknown')}</p>
          ) : model.changes.length === 0 ? (
            <p className="muted">{t('backends.editor.noChanges')}</p>
          ) : (
            <ul className="changes">
              {model.changes.map((change, i) => (
                <li key={i} className={`change change-${change.kind}`}>
                  {changeText(change, t)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <BackendsWeakenings weakenings={model.weakenings} acknowledged={acknowledged} onAcknowledge={acknowledge} disabled={running} />
      <div className="dialog-buttons">
        <button type="button" className="button" disabled={running} onClick={() => void load(editable.engine)}>
          {t('backends.editor.reload')}
        </button>
        <button type="button" className="button" disabled={running || (!dirty && !model.stale)} onClick={resetDraft}>
          {t('backends.editor.discard')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={running || pending || !model.canApply}
          onClick={() => void applyDraft(model.weakenings.map((w) => w.id))}
        >
          {t('backends.editor.apply')}
        </button>
      </div>
      <ApplyOutcome kinds={['file']} />
    </section>
  );
}
