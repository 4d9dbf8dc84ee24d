// Load (`docker load`: an archive made by `docker save`) or import (`docker import`: a filesystem
// archive) a tar file the person picks. The page sends it in pieces, each taken by the engine
// before the next; a bar shows how much is sent, then the engine's answer. The person sees, and may
// raise, the most the archive may unpack to (a small compressed file can fill the engine's disk).
import { useId, useState } from 'react';
import type { ImageLoadMode } from '../../../shared/model/image-list';
import { formatBytes, fraction } from '../../format/bytes';
import { useLanguage, useT } from '../../i18n/react';
import { Field, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { WorkButtons } from './WorkButtons';
import { ErrorNote, ProgressBar } from '../../components/ResourceParts';
import type { UploadRun } from '../../stores/images';
import { useImages } from '../../stores/resources-react';
import { referenceProblem } from './PullDialog';
import { DEFAULT_ARCHIVE_LIMIT, GB, MAX_ARCHIVE_LIMIT } from '../../../shared/dashboard/archive-limit';

const MODES: readonly ImageLoadMode[] = ['load', 'import'];
const busy = (upload: UploadRun | null): boolean =>
  upload !== null && (upload.phase === 'starting' || upload.phase === 'running' || upload.phase === 'finishing');

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const id = useId();
  const upload = useImages((s) => s.upload);
  const startUpload = useImages((s) => s.startUpload);
  const cancelUpload = useImages((s) => s.cancelUpload);
  const [mode, setMode] = useState<ImageLoadMode>('load');
  const [file, setFile] = useState<File | null>(null);
  const [reference, setReference] = useState('');
  const [touched, setTouched] = useState(false);
  const [limitGb, setLimitGb] = useState(String(DEFAULT_ARCHIVE_LIMIT / GB));
  const active = busy(upload);
  const refProblem = mode === 'import' && reference.trim() !== '' ? referenceProblem(reference, t) : null;
  const fileProblem = file === null ? t('upload.chooseFile') : file.size === 0 ? t('upload.emptyFile') : null;
  const limit = /^\d+$/.test(limitGb.trim()) ? Number(limitGb.trim()) * GB : NaN;
  const limitProblem =
    Number.isSafeInteger(limit) && limit >= GB && limit <= MAX_ARCHIVE_LIMIT ? null : t('upload.limitProblem', { max: MAX_ARCHIVE_LIMIT / GB });
  const canSend = !active && fileProblem === null && refProblem === null && limitProblem === null;

  return (
    <FormDialog
      className="wide-dialog import-dialog"
      title={t('upload.title')}
      noValidate
      onSubmit={() => {
        setTouched(true);
        if (canSend && file) void startUpload(file, mode, mode === 'import' && reference.trim() ? reference.trim() : undefined, limit);
      }}
      onClose={onClose}
    >
      <fieldset className="mode-choice" disabled={active}>
        <legend>{t('upload.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className={mode === m ? 'mode-option option-card chosen' : 'mode-option option-card'}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span className="mode-name">{t(`upload.mode.${m}`)}</span>
            <span className="mode-hint muted">{t(`upload.modeHint.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field id={`${id}-file`} label={t('upload.file')} hint={t('upload.fileHint')} error={touched ? fileProblem : null}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".tar,.tar.gz,.tgz,.gz,application/x-tar,application/gzip"
            disabled={active}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Field className="form-field" id={`${id}-limit`} label={t('upload.limit')} hint={t('upload.limitHint')} error={limitProblem}>
        {(control) => (
          <input
            {...control}
            className="limit-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_ARCHIVE_LIMIT / GB}
            step={1}
            value={limitGb}
            disabled={active}
            onChange={(e) => setLimitGb(e.target.value)}
          />
        )}
      </Field>
      {mode === 'import' ? (
        <TextField
          id={`${id}-ref`}
          label={t('upload.reference')}
          hint={t('upload.referenceHint')}
          error={refProblem}
          mono
          value={reference}
          placeholder={t('upload.referencePlaceholder')}
          disabled={active}
          onChange={setReference}
        />
      ) : null}
      {upload ? <UploadProgress upload={upload} /> : null}
      <WorkButtons
        work="upload"
        active={active}
        onCancelWork={() => void cancelUpload()}
        onClose={onClose}
        submit={
          <button type="submit" className="button primary" disabled={active || (touched && !canSend)}>
            {t(`upload.submit.${mode}`)}
          </button>
        }
      />
    </FormDialog>
  );
}

function UploadProgress({ upload }: { upload: UploadRun }) {
  const t = useT();
  const language = useLanguage();
  const sent = t('upload.sent', { done: formatBytes(upload.sent, language), total: formatBytes(upload.size, language) });
  switch (upload.phase) {
    case 'starting':
    case 'running':
      return <ProgressBar value={fraction(upload.sent, upload.size)} label={t('upload.progressLabel', { file: upload.fileName })} text={sent} />;
    case 'finishing':
      return <ProgressBar value={null} label={t('upload.progressLabel', { file: upload.fileName })} text={t('upload.finishing')} />;
    case 'cancelled':
      return (
        <p className="muted" role="status">
          {t('upload.cancelled', { file: upload.fileName })}
        </p>
      );
    case 'failed':
      return upload.error ? <ErrorNote error={upload.error} prefix={(reason) => t(`upload.failed.${upload.mode}`, { file: upload.fileName, reason })} /> : null;
    case 'done':
    default:
      return (
        <div className="outcome-ok" role="status">
          <p>
            {upload.result && upload.result.images.length > 0
              ? upload.mode === 'import' && upload.reference
                ? t('upload.done.importNamed', { reference: upload.reference, id: upload.result.images.join(t('list.separator')) })
                : t(`upload.done.${upload.mode}`, { images: upload.result.images.join(t('list.separator')) })
              : t('upload.doneNothing')}
          </p>
          {upload.result && upload.result.messages.length > 0 ? (
            <details>
              <summary>{t('resources.engineWords')}</summary>
              <code className="engine-words">{upload.result.messages.join('\n')}</code>
            </details>
          ) : null}
        </div>
      );
  }
}
