// The whole daemon.json: the raw text, checked as the person types (the shared rules, here in the
// page; binaries on disk by main a moment after typing stops), what will change, and Apply through
// the same safe apply. The sha256 the file was read with guards against a file changed meanwhile.
// The text is edited in CodeMirror (editor/JsonEditor, loaded lazily), with the problems marked in it.
import { lazy, Suspense, useEffect, useId, useMemo, useRef } from 'react';
import type { DaemonConfigProblem } from '../../../shared/model/backends';
import { useT } from '../../i18n/react';
import { useDaemonConfig } from '../../stores/backends-react';
import { ApplyOutcome } from './ApplyOutcome';
import { diagnosticsOf } from './editor/diagnostics';
import type { JsonEditorControl } from './editor/JsonEditor';
import { editorModel, offsetOf } from './model';
import { changeText, problemText, problemWhere } from './words';

const SERVER_CHECK_DELAY_MS = 500;

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

  const editable = read?.editable ? read : null;
  const model = useMemo(() => (editable ? editorModel(editable, draft, draftBase, serverCheck) : null), [editable, draft, draftBase, serverCheck]);
  const dirty = model?.dirty ?? false;
  const diagnostics = useMemo(() => (model ? diagnosticsOf(draft, model.problems, (problem) => problemText(problem, t)) : []), [draft, model, t]);

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
            {model.problems.map((problem, i) => (
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
      <div className="dialog-buttons">
        <button type="button" className="button" disabled={running} onClick={() => void load(editable.engine)}>
          {t('settings.editor.reload')}
        </button>
        <button type="button" className="button" disabled={running || (!dirty && !model.stale)} onClick={resetDraft}>
          {t('settings.editor.discard')}
        </button>
        <button type="button" className="button primary" disabled={running || !model.canApply} onClick={() => void applyDraft()}>
          {t('settings.editor.apply')}
        </button>
      </div>
      <ApplyOutcome kinds={['file']} />
    </section>
  );
}
