// Create a volume: a name (or none: the engine makes one up), a driver, labels.
import { useId, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import { errorOf } from '../../api';
import { useT } from '../../i18n/react';
import { ModalDialog } from '../../components/ModalDialog';
import { ErrorNote } from '../../components/ResourceParts';
import { useVolumes } from '../../stores/resources-react';
import { parseLabels, volumeNameProblem } from './model';

export function CreateVolumeDialog({ drivers, onClose }: { drivers: readonly string[]; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const create = useVolumes((s) => s.create);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [labels, setLabels] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);
  const nameProblem = volumeNameProblem(name.trim());
  const parsed = parseLabels(labels);
  const driverProblem = driver.trim() === '' || !/^[A-Za-z0-9][A-Za-z0-9_./:-]*$/.test(driver.trim());
  const invalid = nameProblem !== null || parsed.badLines.length > 0 || driverProblem;

  const submit = (): void => {
    if (invalid || sending) return;
    setSending(true);
    setError(null);
    create({ ...(name.trim() ? { name: name.trim() } : {}), driver: driver.trim(), labels: parsed.labels }).then(onClose, (reason: unknown) => {
      setError(errorOf(reason));
      setSending(false);
    });
  };

  return (
    <ModalDialog onCancel={onClose} canCancel={!sending}>
      {(titleId) => (
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id={titleId}>{t('volumes.createTitle')}</h2>
          <div className="form-field wide">
            <label htmlFor={`${id}-name`}>{t('volumes.name')}</label>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={nameProblem !== null}
              onChange={(e) => setName(e.target.value)}
            />
            <p className="field-hint">{t('volumes.nameHint')}</p>
            {nameProblem ? <p className="field-error">{t('validate.volume-name', { name: name.trim() })}</p> : null}
          </div>
          <div className="form-field wide">
            <label htmlFor={`${id}-driver`}>{t('volumes.driver')}</label>
            <input
              id={`${id}-driver`}
              type="text"
              list={`${id}-drivers`}
              value={driver}
              spellCheck={false}
              aria-invalid={driverProblem}
              onChange={(e) => setDriver(e.target.value)}
            />
            <datalist id={`${id}-drivers`}>
              {drivers.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
            <p className="field-hint">{t('volumes.driverHint')}</p>
            {driverProblem ? <p className="field-error">{t('volumes.driverProblem')}</p> : null}
          </div>
          <div className="form-field wide">
            <label htmlFor={`${id}-labels`}>{t('volumes.labels')}</label>
            <textarea
              id={`${id}-labels`}
              className="mono"
              rows={3}
              value={labels}
              spellCheck={false}
              aria-invalid={parsed.badLines.length > 0}
              onChange={(e) => setLabels(e.target.value)}
            />
            <p className="field-hint">{t('volumes.labelsHint')}</p>
            {parsed.badLines.length > 0 ? (
              <p className="field-error">{t('volumes.labelsProblem', { lines: parsed.badLines.join(t('list.separator')) })}</p>
            ) : null}
          </div>
          {error ? <ErrorNote error={error} prefix={(reason) => t('volumes.createFailed', { reason })} /> : null}
          <div className="dialog-buttons wrap">
            <button type="button" className="button" disabled={sending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={invalid || sending}>
              {t(sending ? 'volumes.creating' : 'volumes.create')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
