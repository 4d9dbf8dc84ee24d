// The weakenings of a change to the engine's settings, each with its own checkbox: the person
// reads each one and ticks it to accept it; until every one is ticked, the Apply beside it stays
// off. Each checkbox is labelled by its sentence, so a screen reader reads what is accepted.
import { useId } from 'react';
import type { DaemonWeakening } from '../../../shared/model/backends';
import { useT } from '../../i18n/react';
import { weakeningText } from './weakenings-words';
import './weakenings.css';

export interface BackendsWeakeningsProps {
  weakenings: readonly DaemonWeakening[];
  acknowledged: readonly string[];
  onAcknowledge(id: string, accepted: boolean): void;
  disabled?: boolean;
}

export function BackendsWeakenings({ weakenings, acknowledged, onAcknowledge, disabled = false }: BackendsWeakeningsProps) {
  const t = useT();
  const id = useId();
  if (weakenings.length === 0) return null;
  return (
    <fieldset className="weakenings" disabled={disabled} aria-describedby={`${id}-intro`}>
      <legend>{t('weakening.title')}</legend>
      <p id={`${id}-intro`} className="note">
        {t('weakening.intro')}
      </p>
      <ul>
        {weakenings.map((weakening) => (
          <li key={weakening.id}>
            <label className="weakening">
              <input type="checkbox" checked={acknowledged.includes(weakening.id)} onChange={(event) => onAcknowledge(weakening.id, event.target.checked)} />
              <span>{weakeningText(weakening, t)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
