// Remove an image, with what force means said before the person chooses it; what the engine
// refused is said in plain words.
import { useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { ImageListItem } from '../../../shared/model/image-list';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { ModalDialog } from '../../components/ModalDialog';
import { ErrorNote, ProgressBar } from '../../components/ResourceParts';
import { useImages } from '../../stores/resources-react';
import { imageName } from './model';

export function RemoveImageDialog({ image, onClose }: { image: ImageListItem; onClose: () => void }) {
  const t = useT();
  const remove = useImages((s) => s.remove);
  const [force, setForce] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);
  const name = imageName(image);

  const submit = (): void => {
    setSending(true);
    setError(null);
    remove([image.id], force).then(
      (outcomes) => {
        const failed = outcomes.find((o) => !o.ok);
        if (failed) {
          setError(failed.error ?? { code: 'internal' });
          setSending(false);
        } else onClose();
      },
      (reason: unknown) => {
        setError(errorOf(reason));
        setSending(false);
      },
    );
  };

  return (
    <ModalDialog onCancel={onClose} canCancel={!sending}>
      {(titleId) => (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id={titleId}>{t('images.removeTitle', { name })}</h2>
          <p className="muted">{image.tags.length > 1 ? t('images.removeExplainTags', { tags: image.tags.join(t('list.separator')) }) : t('images.removeExplain')}</p>
          {image.containers > 0 ? <p className="note warn">{t('images.removeUsed', { count: image.containers })}</p> : null}
          <label className="check">
            <input type="checkbox" checked={force} disabled={sending} onChange={(e) => setForce(e.target.checked)} />
            <span>{t('images.force')}</span>
          </label>
          <p className={force ? 'note warn' : 'note'}>{force ? t('images.forceOn') : t('images.forceOff')}</p>
          {sending ? <ProgressBar value={null} label={t('images.removing')} text={t('images.removing')} /> : null}
          {error ? <ErrorNote error={error} prefix={(reason) => t('images.removeFailed', { reason })} /> : null}
          <div className="dialog-buttons">
            <button type="button" className="button" disabled={sending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button danger primary" disabled={sending}>
              {t('action.remove')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
