// Create a volume: a name (or none: the engine makes one up), a driver, labels.
import { useId, useState } from 'react';
import { useT } from '../../i18n/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field, TextField } from '../../components/Field';
import { useSubmit } from '../../components/useSubmit';
import { useVolumes } from '../../stores/resources-react';
import { parseLabels, volumeNameProblem } from './model';

export function CreateVolumeDialog({ drivers, onClose }: { drivers: readonly string[]; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const create = useVolumes((s) => s.create);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [labels, setLabels] = useState('');
  const sent = useSubmit();
  const { sending, run } = sent;
  const nameProblem = volumeNameProblem(name.trim());
  const parsed = parseLabels(labels);
  const driverProblem = driver.trim() === '' || !/^[A-Za-z0-9][A-Za-z0-9_./:-]*$/.test(driver.trim());
  const invalid = nameProblem !== null || parsed.badLines.length > 0 || driverProblem;

  const submit = (): void => {
    if (invalid) return;
    void run(() => create({ ...(name.trim() ? { name: name.trim() } : {}), driver: driver.trim(), labels: parsed.labels }), onClose);
  };

  return (
    <ConfirmDialog
      title={t('volumes.createTitle')}
      confirm={t(sending ? 'volumes.creating' : 'volumes.create')}
      disabled={invalid}
      submit={sent}
      errorPrefix={(reason) => t('volumes.createFailed', { reason })}
      noValidate
      onConfirm={submit}
      onClose={onClose}
    >
      <TextField
        id={`${id}-name`}
        label={t('volumes.name')}
        hint={t('volumes.nameHint')}
        error={nameProblem ? t('validate.volume-name', { name: name.trim() }) : null}
        value={name}
        onChange={setName}
      />
      <Field id={`${id}-driver`} label={t('volumes.driver')} hint={t('volumes.driverHint')} error={driverProblem ? t('volumes.driverProblem') : null}>
        {(control) => (
          <>
            <input {...control} type="text" list={`${id}-drivers`} value={driver} spellCheck={false} onChange={(e) => setDriver(e.target.value)} />
            <datalist id={`${id}-drivers`}>
              {drivers.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field
        id={`${id}-labels`}
        label={t('volumes.labels')}
        hint={t('volumes.labelsHint')}
        error={parsed.badLines.length > 0 ? t('volumes.labelsProblem', { lines: parsed.badLines.join(t('list.separator')) }) : null}
      >
        {(control) => <textarea {...control} className="mono" rows={3} value={labels} spellCheck={false} onChange={(e) => setLabels(e.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
