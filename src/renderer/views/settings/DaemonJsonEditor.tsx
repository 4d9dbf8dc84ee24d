// The whole daemon.json: the raw text, checked as the person types (the shared rules, here in the
// page; binaries on disk by main a moment after typing stops), what will change, and Apply through
// the same safe apply. The sha256 the file was read with guards against a file changed meanwhile.
// The text is edited in CodeMirror (editor/JsonEditor, loaded lazily), with the problems marked in it.
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DaemonConfigProblem } from '../../../shared/model/backends';
import { useT } from '../../i18n/react';
import { useDaemonConfig } from '../../stores/settings-react';
import { ApplyOutcome } from './ApplyOutcome';
import { BackendsWeakenings } from './BackendsWeakenings';
import { diagnosticsOf } from './editor/diagnostics';
import type { JsonEditorControl } from './editor/JsonEditor';
import { editorModel, offsetOf } from './model';
import { changeText, problemText, problemWhere } from './wording';

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
  const read = useDaemonConfig((s) => s.read);
  const draft = useDaemonConfig((s) => s.draft);
  const draftBase = useDaemonConfig((s) => s.draftBase);
  const serverCheck = useDaemonConfig((s) => s.serverCheck);
  const running = useDaemonConfig((s) => s.apply.phase === 'running');
  const setDraft = useDaemonConfig((s) => s.setDraft);
  const resetDraft = useDaemonConfig((s) => s.resetDraft);
  const checkOnServer = useDaemonConfig((s) => s.checkOnServer);
  const applyDraft = useDaemonConfig((s) => s.applyDraft);
  const load = useDaemonConfig((s) => s.load);
  const acknowledged = useDaemonConfig((s) => s.acknowledged);
  const acknowledge = useDaemonConfig((s) => s.acknowledge);

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

  const goTo = (problem: DaemonConfigProblem) => {
    if (problem.line === null) return;
    control.current?.focusAt(offsetOf(draft, problem.line, problem.column ?? 1));
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.editor.title')}</h2>
      <p className="muted">{t('settings.editor.intro')}</p>
      <p className="note">
        {editable.exists ? t('settings.editor.file', { file: editable.configFile }) : t('settings.editor.noFile', { file: editable.configFile })}
      </p>
      <p id={`${id}-hint`} className="note">
        {t('editor.hint')}
      </p>
      <Suspense fallback={<p className="muted">{t('editor.loading')}</p>}>
        <JsonEditor
          value={draft}
          onChange={setDraft}
          label={t('settings.editor.label', { file: editable.configFile })}
          describedBy={`${id}-hint ${id}-problems`}
          invalid={model.errors > 0}
          readOnly={running}
          diagnostics={diagnostics}
          control={control}
        />
      </Suspense>
      {model.stale ? (
        <p className="note warn" role="alert">
          {t('settings.editor.stale')}
        </p>
      ) : null}
      <div className="editor-panels">
        <section aria-labelledby={`${id}-problems`}>
          <h3 id={`${id}-problems`}>
            {model.problems.length === 0 ? t('settings.editor.noProblems') : t('settings.editor.problems', { count: model.problems.length })}
          </h3>
          <ul className="problems">
            {model.problems.slice(0, MAX_LISTED).map((problem, i) => (
              <li key={i} className={`problem ${problem.severity}`}>
                <span className="problem-kind">{t(problem.severity === 'error' ? 'settings.editor.error' : 'settings.editor.warning')}</span>
                {problem.line !== null ? (
                  <button type="button" className="link-button" aria-label={t('settings.editor.goTo', { line: problem.line })} onClick={() => goTo(problem)}>
                    {problemWhere(problem, t)}
                  </button>
                ) : null}
                <span title={problem.message}>{problemText(problem, t)}</span>
              </li>
            ))}
          </ul>
          {model.problems.length > MAX_LISTED ? (
            <p className="muted">{t('settings.editor.moreProblems', { count: model.problems.length - MAX_LISTED })}</p>
          ) : null}
        </section>
        <section aria-labelledby={`${id}-changes`}>
          <h3 id={`${id}-changes`}>{t('settings.editor.changes')}</h3>
          {model.changes === null ? (
            <p className="muted">{t('settings.editor.changesUnknown')}</p>
          ) : model.changes.length === 0 ? (
            <p className="muted">{t('settings.editor.noChanges')}</p>
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
          {t('settings.editor.reload')}
        </button>
        <button type="button" className="button" disabled={running || (!dirty && !model.stale)} onClick={resetDraft}>
          {t('settings.editor.discard')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={running || pending || !model.canApply}
          onClick={() => void applyDraft(model.weakenings.map((w) => w.id))}
        >
          {t('settings.editor.apply')}
        </button>
      </div>
      <ApplyOutcome kinds={['file']} />
    </section>
  );
}
