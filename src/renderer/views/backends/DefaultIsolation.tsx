// The active engine's default isolation: a radio per runtime (Linux) or mode (Windows), each on
// its rung, and Apply, which changes that one key through the safe apply. An engine Silo cannot
// change says why.
import { useMemo, useState } from 'react';
import { setDefaultRuntime as editDefaultRuntime, setWindowsIsolation as editWindowsIsolation } from '../../../shared/backends/daemon-edit';
import type { FormEvent } from 'react';
import { RungBadge } from '../../components/IsolationBadge';
import { describeError } from '../../format/errors';
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { useDaemon } from '../../stores/backends-react';
import { ApplyOutcome } from './ApplyOutcome';
import { BackendsWeakenings } from './BackendsWeakenings';
import { weakeningsOfEdit } from './weakenings-model';
import { runtimeChoices, type EditableRead } from './model';
import type { EngineInfo } from '../../../shared/model/engine';
import { RuntimeAliases } from '../../components/RuntimeAliases';

export function DefaultIsolation() {
  const t = useT();
  const snapshot = useEngine((s) => s.snapshot);
  const read = useDaemon((s) => s.read);
  const loading = useDaemon((s) => s.loading);
  const loadError = useDaemon((s) => s.loadError);
  const endpoint = snapshot?.endpoint ?? null;
  const info = snapshot?.info ?? null;

  let body;
  if (!endpoint) body = <p className="muted">{t('backends.noEngine')}</p>;
  else if (loadError)
    body = (
      <p className="note warn" role="alert">
        {describeError(loadError, t)}
      </p>
    );
  else if (!read || read.engine !== endpoint.id) body = <p className="muted">{loading ? t('backends.loading') : t('backends.default.noInfo')}</p>;
  else if (!read.editable) body = <p className="locked-reason">{t(`backends.locked.${read.reason}`)}</p>;
  else if (!info) body = <p className="muted">{t('backends.default.noInfo')}</p>;
  else body = <DefaultForm key={endpoint.id} engineName={endpoint.name} info={info} read={read} />;

  return (
    <section className="card" aria-labelledby="default-isolation-title">
      <h2 id="default-isolation-title">{t('backends.default.title')}</h2>
      <p className="muted">{t('backends.default.intro')}</p>
      {body}
    </section>
  );
}

/** One engine's choices; the person's pick starts afresh for another engine. */
function DefaultForm({ engineName, info, read }: { engineName: string; info: EngineInfo; read: EditableRead }) {
  const t = useT();
  const running = useDaemon((s) => s.apply.phase === 'running');
  const setDefaultRuntime = useDaemon((s) => s.setDefaultRuntime);
  const setWindowsIsolation = useDaemon((s) => s.setWindowsIsolation);
  const [choice, setChoice] = useState<string | null>(null);
  const windows = info.osType === 'windows';
  const current = windows ? info.defaultIsolation : info.defaultRuntime;
  const selected = choice ?? current;
  const choices = runtimeChoices(info.runtimes);
  const acknowledged = useDaemon((s) => s.acknowledged);
  const acknowledge = useDaemon((s) => s.acknowledge);
  const mode = selected === 'process' ? 'process' : 'hyperv';
  // What the choice would weaken (gVisor → runc, hyperv → process), ticked before Apply.
  const weakenings = useMemo(
    () =>
      !selected || selected === current
        ? []
        : weakeningsOfEdit(read, (text) => (windows ? editWindowsIsolation(text, mode) : editDefaultRuntime(text, selected))),
    [read, selected, current, windows, mode],
  );
  const unacknowledged = weakenings.some((w) => !acknowledged.includes(w.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected || selected === current || unacknowledged) return;
    const ids = weakenings.map((w) => w.id);
    if (windows) void setWindowsIsolation(mode, ids);
    else void setDefaultRuntime(selected, ids);
  };

  return (
    <form onSubmit={submit}>
      <fieldset className="runtime-choices" disabled={running}>
        <legend>{t(windows ? 'backends.default.modes' : 'backends.default.runtimes', { engine: engineName })}</legend>
        {choices.length === 0 ? <p className="muted">{t('backends.default.noRuntimes')}</p> : null}
        {choices.map((c) => (
          <label key={c.name} className={selected === c.name ? 'runtime-choice option-card chosen' : 'runtime-choice option-card'}>
            <input type="radio" name="default-runtime" value={c.name} checked={selected === c.name} onChange={() => setChoice(c.name)} />
            <code>{c.name}</code>
            <RungBadge rung={c.rung} />
            {c.name === current || c.aliases.includes(current ?? '') ? <span className="tag">{t('backends.default.current')}</span> : null}
            <RuntimeAliases aliases={c.aliases} />
          </label>
        ))}
      </fieldset>
      <p className="note">{t(read.reload === 'service' ? 'backends.default.reloadService' : 'backends.default.reloadSignal', { file: read.configFile })}</p>
      <BackendsWeakenings weakenings={weakenings} acknowledged={acknowledged} onAcknowledge={acknowledge} disabled={running} />
      <div className="dialog-buttons">
        <button type="submit" className="button primary" disabled={running || !selected || selected === current || unacknowledged}>
          {running ? t('backends.default.applying') : t('backends.default.apply')}
        </button>
      </div>
      <ApplyOutcome kinds={['runtime', 'isolation']} />
    </form>
  );
}
