// A pull or an upload under way (or just ended) while its dialog is closed: one line each, with
// its bar, Show (opens its dialog again), and Cancel while it runs or Dismiss once it ended.
import type { ReactNode } from 'react';
import { formatBytes, fraction } from '../../format/bytes';
import { useLanguage, useT } from '../../i18n/react';
import { ProgressBar } from '../../components/ResourceParts';
import { useImages } from '../../stores/resources-react';
import { describePull, pullFraction } from './model';
import { usePick } from '../../stores/use-pick';

export function WorkStrips({ showPull, showUpload, onShow }: { showPull: boolean; showUpload: boolean; onShow: (kind: 'pull' | 'import') => void }) {
  const t = useT();
  const language = useLanguage();
  const { pull, cancelPull, clearPull } = usePick(useImages, ['pull', 'cancelPull', 'clearPull']);
  const { upload, cancelUpload, clearUpload } = usePick(useImages, ['upload', 'cancelUpload', 'clearUpload']);
  const pullShown = showPull && pull !== null;
  const uploadShown = showUpload && upload !== null;
  if (!pullShown && !uploadShown) return null;
  const pullActive = pull !== null && (pull.phase === 'starting' || pull.phase === 'running');
  const uploadActive = upload !== null && (upload.phase === 'starting' || upload.phase === 'running' || upload.phase === 'finishing');
  return (
    <div className="work-strips">
      {pullShown ? (
        <WorkStrip
          phase={pull.phase}
          title={t(`pull.strip.${pull.phase}`, { reference: pull.reference })}
          bar={
            pullActive ? (
              <ProgressBar
                value={pull.progress ? pullFraction(pull.progress) : null}
                label={t('pull.progressLabel', { reference: pull.reference })}
                text={pull.progress ? describePull(pull.progress, t, language) : undefined}
              />
            ) : null
          }
          active={pullActive}
          cancelLabel={t('pull.cancel')}
          onShow={() => onShow('pull')}
          onCancel={() => void cancelPull()}
          onDismiss={clearPull}
        />
      ) : null}
      {uploadShown ? (
        <WorkStrip
          phase={upload.phase}
          title={
            upload.phase === 'done'
              ? t(`upload.stripDone.${upload.mode}`, { file: upload.fileName })
              : t(`upload.strip.${upload.phase}`, { file: upload.fileName })
          }
          bar={
            uploadActive ? (
              <ProgressBar
                value={upload.phase === 'finishing' ? null : fraction(upload.sent, upload.size)}
                label={t('upload.progressLabel', { file: upload.fileName })}
                text={t('upload.sent', { done: formatBytes(upload.sent, language), total: formatBytes(upload.size, language) })}
              />
            ) : null
          }
          active={uploadActive}
          cancelLabel={t('upload.cancel')}
          onShow={() => onShow('import')}
          onCancel={() => void cancelUpload()}
          onDismiss={clearUpload}
        />
      ) : null}
    </div>
  );
}

function WorkStrip(props: {
  phase: string;
  title: string;
  bar: ReactNode;
  active: boolean;
  cancelLabel: string;
  onShow: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  return (
    <div className={`work-strip phase-${props.phase}`}>
      <span className="work-title">{props.title}</span>
      {props.bar}
      <span className="spacer" />
      <button type="button" className="link-button" onClick={props.onShow}>
        {t('resources.show')}
      </button>
      <button type="button" className="link-button" onClick={props.active ? props.onCancel : props.onDismiss}>
        {props.active ? props.cancelLabel : t('common.dismiss')}
      </button>
    </div>
  );
}
