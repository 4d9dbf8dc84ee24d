// Create a network: a name, a driver among those this engine offers, and optionally its subnet
// and gateway (the engine picks a free subnet when none is given).
import { useId, useState } from 'react';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field, TextField } from '../../components/Field';
import { useSubmit } from '../../components/useSubmit';
import { useNetworks } from '../../stores/resources-react';
import { gatewayProblem, networkNameProblem, subnetProblem, type NetworkFieldProblem } from './model';

function problemText(problem: NetworkFieldProblem, value: string, t: Translate): string {
  switch (problem) {
    case 'required':
      return t('validate.required');
    case 'network-name':
      return t('validate.network-name', { value });
    case 'subnet':
      return t('networks.subnetProblem', { value });
    case 'gateway':
      return t('networks.gatewayProblem', { value });
    case 'gateway-needs-subnet':
    default:
      return t('networks.gatewayNeedsSubnet');
  }
}

export function CreateNetworkDialog({ drivers, windows, onClose }: { drivers: readonly string[]; windows: boolean; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const create = useNetworks((s) => s.create);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState(drivers[0] ?? '');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const [internal, setInternal] = useState(false);
  const [touched, setTouched] = useState(false);
  const sent = useSubmit();
  const { sending, run } = sent;
  const problems = {
    name: networkNameProblem(name.trim()),
    subnet: subnetProblem(subnet),
    gateway: gatewayProblem(gateway, subnet),
  };
  const invalid = problems.name !== null || problems.subnet !== null || problems.gateway !== null;

  const submit = (): void => {
    setTouched(true);
    if (invalid) return;
    const spec = {
      name: name.trim(),
      ...(driver ? { driver } : {}),
      ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
      ...(gateway.trim() ? { gateway: gateway.trim() } : {}),
      ...(internal ? { internal } : {}),
    };
    void run(() => create(spec), onClose);
  };

  /** The problem of a field in words, once shown: the name after a try, the others as typed. */
  const problemOf = (key: 'name' | 'subnet' | 'gateway', value: string): string | null => {
    const problem = problems[key];
    const shown = problem !== null && (touched || (key !== 'name' && value.trim() !== ''));
    return shown && problem ? problemText(problem, value.trim(), t) : null;
  };

  return (
    <ConfirmDialog
      title={t('networks.createTitle')}
      confirm={t(sending ? 'networks.creating' : 'networks.create')}
      disabled={touched && invalid}
      submit={sent}
      errorPrefix={(reason) => t('networks.createFailed', { reason })}
      noValidate
      onConfirm={submit}
      onClose={onClose}
    >
      <TextField id={`${id}-name`} label={t('networks.name')} error={problemOf('name', name)} value={name} onChange={setName} />
      <Field id={`${id}-driver`} label={t('networks.driver')} hint={t(windows ? 'networks.driverHintWindows' : 'networks.driverHint')}>
        {(control) => (
          <select {...control} value={driver} onChange={(e) => setDriver(e.target.value)}>
            {drivers.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(
        [
          ['subnet', subnet, setSubnet, t('networks.subnetHint')],
          ['gateway', gateway, setGateway, undefined],
        ] as const
      ).map(([field, value, setValue, hint]) => (
        <TextField
          key={field}
          id={`${id}-${field}`}
          label={t(`networks.${field}`)}
          hint={hint}
          error={problemOf(field, value)}
          mono
          value={value}
          placeholder={t(`networks.${field}Placeholder`)}
          onChange={setValue}
        />
      ))}
      <label className="check">
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
        <span>{t('networks.internalChoice')}</span>
      </label>
    </ConfirmDialog>
  );
}
