// Adding a remote engine: a name, its address (tcp:// with TLS, or ssh://), and for TLS the CA,
// client certificate and key as pasted PEM text or read from files picked here (read by the page;
// nothing but the text is sent).
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/react';
import { usePlatform } from '../../stores/backends-react';
import { EMPTY_REMOTE_FORM, isTls, remoteInput, remoteProblems, type RemoteForm } from './model';

const MAX_PEM = 65_536;
type PemField = 'ca' | 'cert' | 'key';

export function AddRemoteEngine() {
  const t = useT();
  const id = useId();
  const adding = usePlatform((s) => s.adding);
  const addRemote = usePlatform((s) => s.addRemote);
  const [form, setForm] = useState<RemoteForm>(EMPTY_REMOTE_FORM);
  const [tried, setTried] = useState(false);
  const problems = remoteProblems(form);
  const shown = tried ? problems : {};
  const tls = isTls(form);
  const set = <K extends keyof RemoteForm>(key: K, value: RemoteForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    if (await addRemote(remoteInput(form))) {
      setForm(EMPTY_REMOTE_FORM);
      setTried(false);
    }
  };

  const problemOf = (field: keyof typeof shown) => {
    const problem = shown[field];
    return problem ? (
      <p id={`${id}-${field}-problem`} className="note warn">
        {t(`backends.remote.problem.${problem}`)}
      </p>
    ) : null;
  };
  const described = (field: keyof typeof shown) => (shown[field] ? `${id}-${field}-problem` : undefined);

  const pem = (field: PemField) => {
    const label = t(`backends.remote.${field}`);
    return (
      <div className="form-field" key={field}>
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <textarea
          id={`${id}-${field}`}
          className="code-editor pem"
          rows={3}
          spellCheck={false}
          value={form[field]}
          aria-invalid={Boolean(shown[field])}
          aria-describedby={described(field)}
          onChange={(e) => set(field, e.target.value)}
        />
        <label className="button file-pick">
          {t('backends.remote.pick')}
          <input
            type="file"
            className="visually-hidden"
            accept=".pem,.crt,.cer,.key"
            aria-label={t('backends.remote.pickNamed', { field: label })}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file && file.size <= MAX_PEM) void file.text().then((text) => set(field, text));
            }}
          />
        </label>
        {problemOf(field)}
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backends.remote.title')}</h2>
      <p className="muted">{t('backends.remote.intro')}</p>
      <form className="remote-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('backends.remote.name')}</label>
          <input
            id={`${id}-name`}
            value={form.name}
            maxLength={64}
            aria-invalid={Boolean(shown.name)}
            aria-describedby={described('name')}
            onChange={(e) => set('name', e.target.value)}
          />
          {problemOf('name')}
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-description`}>{t('backends.remote.description')}</label>
          <input id={`${id}-description`} value={form.description} maxLength={200} onChange={(e) => set('description', e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-host`}>{t('backends.remote.host')}</label>
          <input
            id={`${id}-host`}
            value={form.host}
            placeholder={t('backends.remote.hostHint')}
            aria-invalid={Boolean(shown.host)}
            aria-describedby={described('host')}
            onChange={(e) => set('host', e.target.value)}
          />
          {problemOf('host')}
        </div>
        {tls ? (
          <fieldset className="tls-files">
            <p className="note">{t('backends.remote.pemHint')}</p>
            {(['ca', 'cert', 'key'] as const).map(pem)}
            <label className="check">
              <input type="checkbox" checked={form.skipVerify} onChange={(e) => set('skipVerify', e.target.checked)} />
              {t('backends.remote.skipVerify')}
            </label>
          </fieldset>
        ) : /^ssh:\/\//i.test(form.host.trim()) ? (
          <p className="note">{t('backends.remote.sshNote')}</p>
        ) : null}
        <div className="dialog-buttons">
          <button type="submit" className="button primary" disabled={adding}>
            {adding ? t('backends.remote.adding') : t('backends.remote.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
