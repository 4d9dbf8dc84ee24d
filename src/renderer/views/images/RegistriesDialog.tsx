// Registry logins, as `docker login` and `docker logout` keep them (the docker CLI's config.json or
// its credential helper), so a pull here and `docker pull` see the same. The engine checks a login
// before it is stored; the password field is never echoed or remembered by the page.
import { useEffect, useId, useState } from 'react';
import type { RegistryLogin } from '../../../shared/model/registry';
import { useT } from '../../i18n/react';
import { Field, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { ErrorNote } from '../../components/ResourceParts';
import { useSubmit } from '../../components/useSubmit';
import { useImages } from '../../stores/resources-react';

const REGISTRY = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?$/;

export function RegistriesDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const id = useId();
  const list = useImages((s) => s.registries);
  const login = useImages((s) => s.login);
  const logout = useImages((s) => s.logout);
  const [logins, setLogins] = useState<RegistryLogin[] | null>(null);
  const [registry, setRegistry] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const submit = useSubmit();
  const refresh = () => void list().then(setLogins, () => setLogins([]));
  useEffect(refresh, [list]);

  const registryProblem = REGISTRY.test(registry.trim()) ? null : t('registries.registryProblem');
  const missing = username.trim() === '' || password === '';

  return (
    <FormDialog
      className="wide-dialog registries-dialog"
      title={t('registries.title')}
      noValidate
      canCancel={!submit.sending}
      onSubmit={() => {
        setTouched(true);
        if (registryProblem !== null || missing) return;
        void submit.run(
          () => login(registry.trim(), username.trim(), password),
          () => {
            setPassword('');
            refresh();
          },
        );
      }}
      onClose={onClose}
    >
      <p className="muted">{t('registries.intro')}</p>
      {logins === null ? null : logins.length === 0 ? (
        <p>{t('registries.none')}</p>
      ) : (
        <ul className="registry-logins">
          {logins.map((entry) => (
            <li key={entry.registry}>
              <code>{entry.registry}</code>{' '}
              {entry.helper ? t('registries.inHelper', { helper: entry.helper }) : t('registries.asUser', { user: entry.username ?? '' })}{' '}
              <button type="button" className="link-button" disabled={submit.sending} onClick={() => void submit.run(() => logout(entry.registry), refresh)}>
                {t('registries.logout')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextField
        id={`${id}-registry`}
        label={t('registries.registry')}
        hint={t('registries.registryHint')}
        error={touched ? registryProblem : null}
        mono
        value={registry}
        placeholder={t('registries.registryPlaceholder')}
        onChange={setRegistry}
      />
      <TextField
        id={`${id}-user`}
        label={t('registries.username')}
        error={touched && username.trim() === '' ? t('registries.required') : null}
        value={username}
        onChange={setUsername}
      />
      <Field id={`${id}-password`} label={t('registries.password')} error={touched && password === '' ? t('registries.required') : null}>
        {(control) => <input {...control} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      {submit.error ? <ErrorNote error={submit.error} /> : null}
      <div className="dialog-buttons wrap">
        <button type="button" className="button" onClick={onClose} disabled={submit.sending}>
          {t('resources.close')}
        </button>
        <button type="submit" className="button primary" disabled={submit.sending}>
          {t('registries.login')}
        </button>
      </div>
    </FormDialog>
  );
}
