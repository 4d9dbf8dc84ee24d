// Create a network: a name, a driver among those this engine offers, and optionally its subnet
// and gateway (the engine picks a free subnet when none is given).
import { useId, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import { errorOf } from '../../api';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/react';
import { ModalDialog } from '../../components/ModalDialog';
import { ErrorNote } from '../../components/ResourceParts';
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
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);
  const problems = {
    name: networkNameProblem(name.trim()),
    subnet: subnetProblem(subnet),
    gateway: gatewayProblem(gateway, subnet),
  };
  const invalid = problems.name !== null || problems.subnet !== null || problems.gateway !== null;

  const submit = (): void => {
    setTouched(true);
    if (invalid || sending) return;
    setSending(true);
    setError(null);
    create({
      name: name.trim(),
      ...(driver ? { driver } : {}),
      ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
      ...(gateway.trim() ? { gateway: gateway.trim() } : {}),
      ...(internal ? { internal } : {}),
    }).then(onClose, (reason: unknown) => {
      setError(errorOf(reason));
      setSending(false);
    });
  };

  const field = (key: 'name' | 'subnet' | 'gateway', value: string) => {
    const problem = problems[key];
    const shown = problem !== null && (touched || (key !== 'name' && value.trim() !== ''));
    return { invalid: shown, message: shown && problem ? <p className="field-error">{problemText(problem, value.trim(), t)}</p> : null };
  };
  const nameField = field('name', name);
  const subnetField = field('subnet', subnet);
  const gatewayField = field('gateway', gateway);

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
          <h2 id={titleId}>{t('networks.createTitle')}</h2>
          <div className="form-field wide">
            <label htmlFor={`${id}-name`}>{t('networks.name')}</label>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={nameField.invalid}
              onChange={(e) => setName(e.target.value)}
            />
            {nameField.message}
          </div>
          <div className="form-field wide">
            <label htmlFor={`${id}-driver`}>{t('networks.driver')}</label>
            <select id={`${id}-driver`} value={driver} onChange={(e) => setDriver(e.target.value)}>
              {drivers.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <p className="field-hint">{t(windows ? 'networks.driverHintWindows' : 'networks.driverHint')}</p>
          </div>
          <div className="form-field wide">
            <label htmlFor={`${id}-subnet`}>{t('networks.subnet')}</label>
            <input
              id={`${id}-subnet`}
              type="text"
              className="mono"
              value={subnet}
              placeholder={t('networks.subnetPlaceholder')}
              spellCheck={false}
              aria-invalid={subnetField.invalid}
              onChange={(e) => setSubnet(e.target.value)}
            />
            <p className="field-hint">{t('networks.subnetHint')}</p>
            {subnetField.message}
          </div>
          <div className="form-field wide">
            <label htmlFor={`${id}-gateway`}>{t('networks.gateway')}</label>
            <input
              id={`${id}-gateway`}
              type="text"
              className="mono"
              value={gateway}
              placeholder={t('networks.gatewayPlaceholder')}
              spellCheck={false}
              aria-invalid={gatewayField.invalid}
              onChange={(e) => setGateway(e.target.value)}
            />
            {gatewayField.message}
          </div>
          <label className="check">
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            <span>{t('networks.internalChoice')}</span>
          </label>
          {error ? <ErrorNote error={error} prefix={(reason) => t('networks.createFailed', { reason })} /> : null}
          <div className="dialog-buttons wrap">
            <button type="button" className="button" disabled={sending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={sending || (touched && invalid)}>
              {t(sending ? 'networks.creating' : 'networks.create')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
