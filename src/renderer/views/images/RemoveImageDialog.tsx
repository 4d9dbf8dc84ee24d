// Remove an image, with what force means said before the person chooses it; what the engine
// refused is said in plain words.
import { useState } from 'react';
import { SiloCallError } from '../../api';
import { useT } from '../../i18n/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSubmit } from '../../components/useSubmit';
import { useImages } from '../../stores/resources-react';
import { otherTags, rowName, rowReference, type ImageRowItem } from './model';

export function RemoveImageDialog({ row, onClose }: { row: ImageRowItem; onClose: () => void }) {
  const t = useT();
  const remove = useImages((s) => s.remove);
  const [force, setForce] = useState(false);
  const submit = useSubmit();
  const { sending, run } = submit;
  const name = rowName(row);
  const others = otherTags(row);
  const { image } = row;

  const send = async (): Promise<void> => {
    const outcomes = await remove([rowReference(row)], force);
    const failed = outcomes.find((o) => !o.ok);
    if (failed) throw new SiloCallError(failed.error ?? { code: 'internal' });
  };

  return (
    <ConfirmDialog
      title={t('images.removeTitle', { name })}
      confirm={t('action.remove')}
      danger
      submit={submit}
      sendingText={t('images.removing')}
      errorPrefix={(reason) => t('images.removeFailed', { reason })}
      onConfirm={() => void run(send, onClose)}
      onClose={onClose}
    >
      <p className="muted">
        {others.length > 0 ? t('images.removeTagOnly', { tag: name, tags: others.join(t('list.separator')) }) : t('images.removeExplain')}
      </p>
      {image.containers > 0 && others.length === 0 ? <p className="note warn">{t('images.removeUsed', { count: image.containers })}</p> : null}
      <label className="check">
        <input type="checkbox" checked={force} disabled={sending} onChange={(e) => setForce(e.target.checked)} />
        <span>{t('images.force')}</span>
      </label>
      <p className={force ? 'note warn' : 'note'}>{force ? t('images.forceOn') : t('images.forceOff')}</p>
    </ConfirmDialog>
  );
}
