// The active engine's default isolation: a radio per runtime (Linux) or mode (Windows), each on
// its rung, and Apply, which changes that one key through the safe apply. An engine Silo cannot
// change says why.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { RungBadge } from '../../components/IsolationBadge';
import { describeError } from '../../format/errors';
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { useDaemonConfig } from '../../stores/settings-react';
import { ApplyOutcome } from './ApplyOutcome';
import { runtimeChoices, type EditableRead } from './model';
import type { EngineInfo } from '../../../shared/model/engine';

export function DefaultIsolation() {
  const t = useT();
  const snapshot = useEngine((s) => s.snapshot);
  const read = useDaemonConfig((s) => s.read);
  const loading = useDaemonConfig((s) => s.loading);
  const loadError = useDaemonConfig((s) => s.loadError);
  const endpoint = snapshot?.endpoint ?? null;
  const info = snapshot?.info ?? null;

  let body;
  if (!endpoint) body = <p className="muted">{t('settings.noEngine')}</p>;
  else if (loadError)
    body = (
      <p className="note warn" role="alert">
        {describeError(loadError, t)}
      </p>
    );
  else if (!read || read.engine !== endpoint.id) body = <p className="muted">{loading ? t('settings.loading') : t('settings.default.noInfo')}</p>;
  else if (!read.editable) body = <p className="locked-reason">{t(`settings.locked.${read.reason}`)}</p>;
  else if (!info) body = <p className="muted">{t('settings.default.noInfo')}</p>;
  else body = <DefaultForm key={endpoint.id} engineName={endpoint.name} info={info} read={read} />;

  return (
    <section className="card" aria-labelledby="default-isolation-title">
      <h2 id="default-isolation-title">{t('settings.default.title')}</h2>
      <p className="muted">{t('settings.default.intro')}</p>
      {body}
    </section>
  );
}

/** One engine's choices; the person's pick starts afresh for another engine. */
function DefaultForm({ engineName, info, read }: { engineName: string; info: EngineInfo; read: EditableRead }) {
  const t = useT();
  const running = useDaemonConfig((s) => s.apply.phase === 'running');
  const setDefaultRuntime = useDaemonConfig((s) => s.setDefaultRuntime);
  const setWindowsIsolation = useDaemonConfig((s) => s.setWindowsIsolation);
  const [choice, setChoice] = useState<string | null>(null);
  const windows = info.osType === 'windows';
  const current = windows ? info.defaultIsolation : info.defaultRuntime;
  const selected = choice ?? current;
  const choices = runtimeChoices(info.runtimes);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected || selected === current) return;
    if (windows) void setWindowsIsolation(selected === 'process' ? 'process' : 'hyperv');
    else void setDefaultRuntime(selected);
  };

  return (
    <form onSubmit={submit}>
      <fieldset className="runtime-choices" disabled={running}>
        <legend>{t(windows ? 'settings.default.modes' : 'settings.default.runtimes', { engine: engineName })}</legend>
        {choices.length === 0 ? <p className="muted">{t('settings.default.noRuntimes')}</p> : null}
        {choices.map((c) => (
          <label key={c.name} className={selected === c.name ? 'runtime-choice option-card chosen' : 'runtime-choice option-card'}>
            <input type="radio" name="default-runtime" value={c.name} checked={selected === c.name} onChange={() => setChoice(c.name)} />
            <code>{c.name}</code>
            <RungBadge rung={c.rung} />
            {c.name === current ? <span className="tag">{t('settings.default.current')}</span> : null}
          </label>
        ))}
      </fieldset>
      <p className="note">{t(read.reload === 'service' ? 'settings.default.reloadService' : 'settings.default.reloadSignal', { file: read.configFile })}</p>
      <div className="dialog-buttons">
        <button type="submit" className="button primary" disabled={running || !selected || selected === current}>
          {running ? t('settings.default.applying') : t('settings.default.apply')}
        </button>
      </div>
      <ApplyOutcome kinds={['runtime', 'isolation']} />
    </form>
  );
}
