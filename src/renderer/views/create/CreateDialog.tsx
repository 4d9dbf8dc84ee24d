// "New container": image, name, command and entrypoint, environment, ports, volumes and bind
// mounts, network, restart policy, memory and CPU limits, labels, and the isolation it runs
// under. Every field is checked with the engine's own rules as the person types; nothing is sent
// until the form is valid. The new container then appears in the list through the engine's events.
import { useEffect, useId, useMemo, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import { RESTART_POLICIES, type RestartPolicyName } from '../../../shared/model/create';
import type { ImageListItem } from '../../../shared/model/image-list';
import { errorOf } from '../../api';
import { describeError } from '../../format/errors';
import { useT } from '../../i18n/react';
import type { Translate } from '../../i18n';
import { ModalDialog } from '../../components/ModalDialog';
import { RungBadge } from '../../components/IsolationBadge';
import { useEngine, useIsolation } from '../../stores/react';
import { describeWindowsVerdict, knownKey, modeLabel } from '../isolation/words';
import {
  buildSpec,
  emptyForm,
  engineFacts,
  fieldMessage,
  FORM_FIELDS,
  imageChoices,
  isolationOptions,
  windowsVerdict,
  type CreateForm,
  type FormField,
} from './form';
import { describeFinding, findingKey, findingsOfRefusal, formRootFindings } from './consent';
import type { RootFinding } from '../../../shared/isolation/root-access';

type Images = { state: 'loading' } | { state: 'done'; list: ImageListItem[] } | { state: 'failed'; error: SiloError };

export function CreateDialog({ onClose, image }: { onClose: () => void; /** Preselected (Run from the Images view). */ image?: string }) {
  const t = useT();
  const id = useId();
  const info = useEngine((s) => s.snapshot?.info ?? null);
  const endpointHost = useEngine((s) => s.snapshot?.endpoint?.host ?? null);
  /** What the host found when it followed the binds (a `consent-needed` refusal). */
  const [hostFindings, setHostFindings] = useState<RootFinding[]>([]);
  const listImages = useIsolation((s) => s.images);
  const create = useIsolation((s) => s.create);
  const showNotice = useIsolation((s) => s.showNotice);
  const [images, setImages] = useState<Images>({ state: 'loading' });
  const [form, setForm] = useState<CreateForm>(() => emptyForm(image ?? ''));
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<{ field: FormField | null; error: SiloError } | null>(null);

  useEffect(() => {
    let live = true;
    listImages().then(
      (list) => {
        if (!live) return;
        setImages({ state: 'done', list });
        const first = imageChoices(list)[0];
        if (first) setForm((f) => (f.image === '' ? { ...f, image: first.value } : f));
      },
      (reason: unknown) => live && setImages({ state: 'failed', error: errorOf(reason) }),
    );
    return () => {
      live = false;
    };
  }, [listImages]);

  const windows = info?.osType === 'windows';
  const facts = useMemo(() => engineFacts(info), [info]);
  const built = useMemo(
    () => buildSpec(form, facts, (spec) => formRootFindings(spec, info, endpointHost, hostFindings)),
    [form, facts, info, endpointHost, hostFindings],
  );
  const choices = useMemo(() => (images.state === 'done' ? imageChoices(images.list) : []), [images]);
  const isolations = useMemo(() => isolationOptions(info), [info]);
  const chosenImage = choices.find((c) => c.value === form.image)?.image;
  const verdict = windowsVerdict(chosenImage, info, form.isolation);
  const tick = (key: string, on: boolean): void => set('ticked', on ? [...form.ticked.filter((k) => k !== key), key] : form.ticked.filter((k) => k !== key));

  const set = <K extends keyof CreateForm>(key: K, value: CreateForm[K], field?: FormField): void => {
    setForm((f) => ({ ...f, [key]: value }));
    if (field) setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    if (serverError && (serverError.field === null || serverError.field === field)) setServerError(null);
  };

  /** The field's message: the engine's rules as typed (once touched), or what the host refused. */
  const messageOf = (field: FormField): string | null => {
    if (serverError?.field === field) return serverFieldMessage(serverError.error, t);
    return touched.has(field) ? fieldMessage(built.problems, field, t) : null;
  };
  const a11y = (field: FormField) => {
    const message = messageOf(field);
    return {
      id: `${id}-${field}`,
      'aria-invalid': message !== null,
      'aria-describedby': [`${id}-${field}-hint`, message !== null ? `${id}-${field}-error` : ''].filter(Boolean).join(' '),
    };
  };
  const message = (field: FormField) => {
    const text = messageOf(field);
    return text === null ? null : (
      <p id={`${id}-${field}-error`} className="field-error">
        {text}
      </p>
    );
  };
  const hint = (field: FormField, text: string) => (
    <p id={`${id}-${field}-hint`} className="field-hint">
      {text}
    </p>
  );

  const noImages = images.state === 'done' && choices.length === 0;
  const invalid = built.problems.length > 0 || built.unticked.length > 0;
  const canSend = !invalid && !sending && images.state === 'done' && !noImages && (serverError === null || serverError.field === null);

  const submit = (): void => {
    // Show every problem at once when the person tries to send an incomplete form.
    setTouched(new Set(FORM_FIELDS));
    if (!canSend) return;
    setSending(true);
    setServerError(null);
    create(built.spec).then(
      (result) => {
        showNotice(result);
        onClose();
      },
      (reason: unknown) => {
        const error = errorOf(reason);
        if (error.code === 'consent-needed') setHostFindings(findingsOfRefusal(error.params));
        setServerError({ field: fieldOfError(error), error });
        setSending(false);
      },
    );
  };

  return (
    <ModalDialog className="create-dialog" onCancel={onClose} canCancel={!sending}>
      {(titleId) => (
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id={titleId}>{t('create.title')}</h2>
          <div className="dialog-body create-grid">
            <div className="form-field">
              <label htmlFor={`${id}-image`}>{t('create.image')}</label>
              <select
                {...a11y('image')}
                value={form.image}
                disabled={images.state !== 'done' || noImages}
                onChange={(e) => set('image', e.target.value, 'image')}
              >
                {images.state === 'loading' ? <option value="">{t('create.imagesLoading')}</option> : null}
                {noImages ? <option value="">{t('create.noImages')}</option> : null}
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.image.tags.length === 0 ? t('create.untagged', { id: c.image.id.replace(/^sha256:/, '').slice(0, 12) }) : c.value}
                  </option>
                ))}
              </select>
              {hint(
                'image',
                noImages
                  ? t('create.noImagesHint')
                  : images.state === 'failed'
                    ? t('create.imagesFailed', { reason: describeError(images.error, t) })
                    : t('create.imageHint'),
              )}
              {message('image')}
            </div>

            <div className="form-field">
              <label htmlFor={`${id}-name`}>{t('create.name')}</label>
              <input
                type="text"
                {...a11y('name')}
                value={form.name}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('name', e.target.value, 'name')}
              />
              {hint('name', t('create.nameHint'))}
              {message('name')}
            </div>

            <div className="form-field">
              <label htmlFor={`${id}-command`}>{t('create.command')}</label>
              <input
                type="text"
                className="mono"
                {...a11y('command')}
                value={form.command}
                spellCheck={false}
                onChange={(e) => set('command', e.target.value, 'command')}
              />
              {hint('command', t('create.commandHint'))}
              {message('command')}
            </div>

            <div className="form-field">
              <label htmlFor={`${id}-entrypoint`}>{t('create.entrypoint')}</label>
              <input
                type="text"
                className="mono"
                {...a11y('entrypoint')}
                value={form.entrypoint}
                spellCheck={false}
                onChange={(e) => set('entrypoint', e.target.value, 'entrypoint')}
              />
              {hint('entrypoint', t('create.entrypointHint'))}
              {message('entrypoint')}
            </div>

            {(
              [
                ['env', 'create.env', 'create.envHint'],
                ['labels', 'create.labels', 'create.labelsHint'],
                ['ports', 'create.ports', 'create.portsHint'],
                ['volumes', 'create.volumes', 'create.volumesHint'],
              ] as const
            ).map(([field, label, hintKey]) => (
              <div key={field} className="form-field">
                <label htmlFor={`${id}-${field}`}>{t(label)}</label>
                <textarea
                  className="mono"
                  rows={3}
                  {...a11y(field)}
                  value={form[field]}
                  spellCheck={false}
                  onChange={(e) => set(field, e.target.value, field)}
                />
                {hint(field, t(hintKey))}
                {message(field)}
              </div>
            ))}

            {built.findings.length > 0 ? (
              <fieldset className="form-field wide root-consent" aria-describedby={`${id}-root-hint`}>
                <legend>{t('create.rootTitle')}</legend>
                <p id={`${id}-root-hint`} className="note warn">
                  {t('create.rootHint')}
                </p>
                <ul className="root-findings">
                  {built.findings.map((f) => {
                    const key = findingKey(f);
                    const box = `${id}-root-${built.findings.indexOf(f)}`;
                    return (
                      <li key={key} className="root-finding" data-code={f.code}>
                        <input id={box} type="checkbox" checked={form.ticked.includes(key)} onChange={(e) => tick(key, e.target.checked)} />
                        <label htmlFor={box}>
                          <span className="root-sentence">{describeFinding(f, t)}</span> <strong>{t('create.rootConsent')}</strong>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ) : null}

            <div className="form-field">
              <label htmlFor={`${id}-network`}>{t('create.network')}</label>
              <input
                type="text"
                {...a11y('network')}
                list={`${id}-networks`}
                value={form.network}
                spellCheck={false}
                onChange={(e) => set('network', e.target.value, 'network')}
              />
              <datalist id={`${id}-networks`}>
                {(windows ? ['nat', 'none'] : ['bridge', 'host', 'none']).map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
              {hint('network', t(windows ? 'create.networkHintWindows' : 'create.networkHint'))}
              {message('network')}
            </div>

            <div className="form-field">
              <label htmlFor={`${id}-restart`}>{t('create.restart')}</label>
              <div className="inline-fields">
                <select {...a11y('restart')} value={form.restart} onChange={(e) => set('restart', e.target.value as RestartPolicyName, 'restart')}>
                  {RESTART_POLICIES.map((policy) => (
                    <option key={policy} value={policy}>
                      {t(`create.restartPolicy.${policy}`)}
                    </option>
                  ))}
                </select>
                {form.restart === 'on-failure' ? (
                  <input
                    type="text"
                    inputMode="numeric"
                    className="retries"
                    aria-label={t('create.maxRetries')}
                    placeholder={t('create.maxRetries')}
                    value={form.maxRetries}
                    onChange={(e) => set('maxRetries', e.target.value, 'restart')}
                  />
                ) : null}
              </div>
              {hint('restart', t('create.restartHint'))}
              {message('restart')}
            </div>

            <div className="form-field">
              <label htmlFor={`${id}-memory`}>{t('create.memory')}</label>
              <input type="text" {...a11y('memory')} value={form.memory} spellCheck={false} onChange={(e) => set('memory', e.target.value, 'memory')} />
              {hint('memory', t('create.memoryHint'))}
              {message('memory')}
            </div>

            <div className="form-field">
              <label htmlFor={`${id}-cpus`}>{t('create.cpus')}</label>
              <input
                type="text"
                inputMode="decimal"
                {...a11y('cpus')}
                value={form.cpus}
                spellCheck={false}
                onChange={(e) => set('cpus', e.target.value, 'cpus')}
              />
              {hint('cpus', t('create.cpusHint'))}
              {message('cpus')}
            </div>

            <fieldset
              className="form-field wide isolation-choice"
              aria-describedby={`${id}-isolation-hint${messageOf('isolation') ? ` ${id}-isolation-error` : ''}`}
            >
              <legend>{t('create.isolation')}</legend>
              <div className="isolation-options">
                {isolations.map((option) => (
                  <label key={option.value || 'default'} className={form.isolation === option.value ? 'pick-target chosen' : 'pick-target'}>
                    <input
                      type="radio"
                      name={`${id}-isolation`}
                      value={option.value}
                      checked={form.isolation === option.value}
                      onChange={() => set('isolation', option.value, 'isolation')}
                    />
                    <span className="pick-target-name">
                      {option.isDefault
                        ? t('create.isolationDefault', { mode: option.mode ? modeLabel(option.mode, option.rung, windows, t) : t('common.unknown') })
                        : modeLabel(option.mode, option.rung, windows, t)}
                    </span>
                    <RungBadge rung={option.rung} />
                  </label>
                ))}
              </div>
              {hint('isolation', t(windows ? 'create.isolationHintWindows' : 'create.isolationHint'))}
              {verdict ? <p className={verdict.ok === true ? 'note' : 'note warn'}>{describeWindowsVerdict(verdict, t)}</p> : null}
              {message('isolation')}
            </fieldset>

            <label className="check start-check">
              <input type="checkbox" checked={form.start} onChange={(e) => set('start', e.target.checked)} />
              <span>{t('create.start')}</span>
            </label>

            {serverError && serverError.field === null ? (
              <div className="form-field wide">
                <p className="note warn" role="alert">
                  {t('create.failed', { reason: describeError(serverError.error, t) })}
                </p>
                {serverError.error.detail ? <p className="detail">{t('outcome.engineSaid', { detail: serverError.error.detail })}</p> : null}
              </div>
            ) : null}
          </div>
          <div className="dialog-buttons">
            {built.problems.length > 0 && touched.size > 0 ? (
              <span className="confirm-hint muted">{t('create.fixFirst', { count: built.problems.length })}</span>
            ) : built.unticked.length > 0 ? (
              <span className="confirm-hint muted">{t('create.rootUnticked', { count: built.unticked.length })}</span>
            ) : null}
            <button type="button" className="button" disabled={sending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={!canSend}>
              {t(sending ? 'create.creating' : 'create.submit')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

/** The form field a refusal of the host is about (`volumes.1` → volumes), or null for the form. */
function fieldOfError(error: SiloError): FormField | null {
  if (error.code === 'name-conflict') return 'name';
  if (error.code === 'image-not-found') return 'image';
  if (error.code === 'engine-socket-refused') return 'volumes';
  const head = (error.field ?? '').split('.')[0] ?? '';
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : null;
}

/** A refusal on a field: the rule it broke, worded like the checks as typed, or the error's sentence. */
function serverFieldMessage(error: SiloError, t: Translate): string {
  const rule = typeof error.params?.['rule'] === 'string' ? error.params['rule'] : error.code === 'validation' ? (error.detail ?? '') : '';
  const key = rule ? knownKey('validate.', rule) : null;
  return key ? t(key, error.params ?? {}) : describeError(error, t);
}
