// A pull or an upload under way (or just ended) while its dialog is closed: one line each, with
// its bar, Show (opens its dialog again), and Cancel while it runs or Dismiss once it ended.
import type { Language } from '../../../shared/model/preferences';
import type { Translate } from '../../i18n';
import { formatBytes, fraction } from '../../format/bytes';
import { useLanguage, useT } from '../../i18n/react';
import { ProgressBar } from '../../components/ResourceParts';
import type { PullRun, UploadRun } from '../../stores/images';
import { useImages } from '../../stores/resources-react';
import { usePick } from '../../stores/use-pick';
import { describePull, pullFraction } from './model';

interface StripWords {
  phase: string;
  title: string;
  /** The bar while it runs; null once it ended. */
  progress: { value: number | null; label: string; text?: string | undefined } | null;
}

function pullWords(pull: PullRun, t: Translate, language: Language): StripWords {
  const running = pull.phase === 'starting' || pull.phase === 'running';
  const label = t('pull.progressLabel', { reference: pull.reference });
  const progress = pull.progress;
  return {
    phase: pull.phase,
    title: t(`pull.strip.${pull.phase}`, { reference: pull.reference }),
    progress: running ? { value: progress ? pullFraction(progress) : null, label, text: progress ? describePull(progress, t, language) : undefined } : null,
  };
}

function uploadWords(upload: UploadRun, t: Translate, language: Language): StripWords {
  const running = upload.phase === 'starting' || upload.phase === 'running' || upload.phase === 'finishing';
  const file = upload.fileName;
  const sent = t('upload.sent', { done: formatBytes(upload.sent, language), total: formatBytes(upload.size, language) });
  return {
    phase: upload.phase,
    title: upload.phase === 'done' ? t(`upload.stripDone.${upload.mode}`, { file }) : t(`upload.strip.${upload.phase}`, { file }),
    progress: running
      ? { value: upload.phase === 'finishing' ? null : fraction(upload.sent, upload.size), label: t('upload.progressLabel', { file }), text: sent }
      : null,
  };
}

export function WorkStrips({ showPull, showUpload, onShow }: { showPull: boolean; showUpload: boolean; onShow: (kind: 'pull' | 'import') => void }) {
  const t = useT();
  const language = useLanguage();
  const { pull, cancelPull, clearPull } = usePick(useImages, ['pull', 'cancelPull', 'clearPull']);
  const { upload, cancelUpload, clearUpload } = usePick(useImages, ['upload', 'cancelUpload', 'clearUpload']);
  const pullShown = showPull && pull !== null;
  const uploadShown = showUpload && upload !== null;
  if (!pullShown && !uploadShown) return null;
  return (
    <div className="work-strips">
      {pullShown ? (
        <WorkStrip work="pull" words={pullWords(pull, t, language)} onShow={() => onShow('pull')} onCancel={cancelPull} onDismiss={clearPull} />
      ) : null}
      {uploadShown ? (
        <WorkStrip work="upload" words={uploadWords(upload, t, language)} onShow={() => onShow('import')} onCancel={cancelUpload} onDismiss={clearUpload} />
      ) : null}
    </div>
  );
}

function WorkStrip({
  work,
  words,
  onShow,
  onCancel,
  onDismiss,
}: {
  work: 'pull' | 'upload';
  words: StripWords;
  onShow: () => void;
  onCancel: () => Promise<unknown> | void;
  onDismiss: () => void;
}) {
  const t = useT();
  const { progress } = words;
  return (
    <div className={`work-strip phase-${words.phase}`}>
      <span className="work-title">{words.title}</span>
      {progress ? <ProgressBar value={progress.value} label={progress.label} text={progress.text} /> : null}
      <span className="spacer" />
      <button type="button" className="link-button" onClick={onShow}>
        {t('resources.show')}
      </button>
      <button type="button" className="link-button" onClick={progress ? () => void onCancel() : onDismiss}>
        {progress ? t(`${work}.cancel`) : t('common.dismiss')}
      </button>
    </div>
  );
}
