// The daemon.json text in CodeMirror 6, loaded with the Engine settings view's editor (React.lazy), never
// with the first screen. The store keeps the text: each edit goes out through onChange, and a new
// value from outside (discard, the file read again) replaces the editor's state, history included.
// Silo's problems arrive as diagnostics for the very text they were found in.
//
// CSP: CodeMirror writes its styles into one <style> element per document, which `style-src 'self'`
// refuses; while the view is first made, that element is a stand-in whose text goes into a
// constructed stylesheet (as for the terminal). The set lives as long as the page: CodeMirror
// keeps it on the document and mounts every later editor's styles into it.
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Translate } from '../../../i18n';
import { useT } from '../../../i18n/react';
import { withConstructedStyles } from '../../../components/xterm-styles';
import type { EditorDiagnostic } from './diagnostics';
import { jsonEditorBase } from './extensions';

export interface JsonEditorControl {
  /** Focus the editor with the caret at this offset, scrolled into view. */
  focusAt(offset: number): void;
}

export interface JsonEditorProps {
  value: string;
  onChange(text: string): void;
  /** The accessible name of the text. */
  label: string;
  /** Ids of the elements that describe it (the keyboard hint, the problem list). */
  describedBy: string;
  invalid: boolean;
  readOnly: boolean;
  diagnostics: readonly EditorDiagnostic[];
  control: MutableRefObject<JsonEditorControl | null>;
}

type Shown = Pick<JsonEditorProps, 'label' | 'describedBy' | 'invalid' | 'readOnly'>;

function attributesOf({ label, describedBy, invalid, readOnly }: Shown): Extension {
  return [
    EditorView.contentAttributes.of({
      'aria-label': label,
      'aria-describedby': describedBy,
      'aria-invalid': String(invalid),
      'aria-readonly': String(readOnly),
    }),
    EditorView.editorAttributes.of({ class: invalid ? 'silo-invalid' : '' }),
  ];
}

/** CodeMirror's own words (its lint panel, announcements) from Silo's catalogs. */
function phrasesOf(t: Translate): Extension {
  return EditorState.phrases.of({
    'Control character': t('editor.phrase.controlCharacter'),
    close: t('editor.phrase.close'),
    Diagnostics: t('editor.phrase.diagnostics'),
    'No diagnostics': t('editor.phrase.noDiagnostics'),
    'Selection deleted': t('editor.phrase.selectionDeleted'),
  });
}

export default function JsonEditor(props: JsonEditorProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [parts] = useState(() => ({ attributes: new Compartment(), readOnly: new Compartment(), phrases: new Compartment() }));

  const { label, describedBy, invalid, readOnly } = props;
  const stateOf = (text: string) =>
    EditorState.create({
      doc: text,
      extensions: [
        jsonEditorBase(),
        parts.attributes.of(attributesOf(latest.current)),
        parts.readOnly.of(EditorState.readOnly.of(latest.current.readOnly)),
        parts.phrases.of(phrasesOf(t)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });

  // Made once; destroyed with the component.
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let made: EditorView | null = null;
    withConstructedStyles(document, () => {
      made = new EditorView({ parent, state: stateOf(latest.current.value) });
    });
    const editor = made as EditorView | null;
    if (!editor) return;
    view.current = editor;
    latest.current.control.current = {
      focusAt(offset) {
        const at = Math.max(0, Math.min(offset, editor.state.doc.length));
        editor.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        editor.focus();
      },
    };
    return () => {
      latest.current.control.current = null;
      view.current = null;
      editor.destroy();
    };
    // stateOf reads the latest props through a ref: the view is made once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value from outside: a new state (the old history was of another text).
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== props.value) editor.setState(stateOf(props.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: parts.attributes.reconfigure(attributesOf({ label, describedBy, invalid, readOnly })) });
  }, [parts, label, describedBy, invalid, readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: parts.readOnly.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [parts, readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: parts.phrases.reconfigure(phrasesOf(t)) });
  }, [parts, t]);

  // The problems are those of props.value; shown once the editor holds that text.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() !== props.value) return;
    const length = editor.state.doc.length;
    const marks = props.diagnostics.map((d) => ({ ...d, from: Math.min(d.from, length), to: Math.min(d.to, length) }));
    editor.dispatch(setDiagnostics(editor.state, marks));
  }, [props.value, props.diagnostics]);

  return <div ref={host} className="json-editor" />;
}
