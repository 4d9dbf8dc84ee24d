// Remove an image, with what force means said before the person chooses it; what the engine
// refused is said in plain words.
import { useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { ModalDialog } from '../../components/ModalDialog';
import { ErrorNote, ProgressBar } from '../../components/ResourceParts';
import { useImages } from '../../stores/resources-react';
import { otherTags, rowName, rowReference, type ImageRowItem } from './model';

export function RemoveImageDialog({ row, onClose }: { row: ImageRowItem; onClose: () => void }) {
  const t = useT();
  const remove = useImages((s) => s.remove);
  const [force, setForce] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);
  const name = rowName(row);
  const others = otherTags(row);
  const { image } = row;

  const submit = (): void => {
    setSending(true);
    setError(null);
    remove([rowReference(row)], force).then(
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
          <p className="muted">
            {others.length > 0 ? t('images.removeTagOnly', { tag: name, tags: others.join(t('list.separator')) }) : t('images.removeExplain')}
          </p>
          {image.containers > 0 && others.length === 0 ? <p className="note warn">{t('images.removeUsed', { count: image.containers })}</p> : null}
          <label className="check">
            <input type="checkbox" checked={force} disabled={sending} onChange={(e) => setForce(e.target.checked)} />
            <span>{t('images.force')}</span>
          </label>
          <p className={force ? 'note warn' : 'note'}>{force ? t('images.forceOn') : t('images.forceOff')}</p>
          {sending ? <ProgressBar value={null} label={t('images.removing')} text={t('images.removing')} /> : null}
          {error ? <ErrorNote error={error} prefix={(reason) => t('images.removeFailed', { reason })} /> : null}
          <div className="dialog-buttons wrap">
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
