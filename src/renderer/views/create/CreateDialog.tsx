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
import { Field, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { RungBadge } from '../../components/IsolationBadge';
import { useEngine, useIsolation } from '../../stores/react';
import { describeWindowsVerdict, knownKey, modeLabel } from '../isolation/words';
import { RuntimeAliases } from '../../components/RuntimeAliases';
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
  const { sending, error: sendError, setError: setSendError, run } = useSubmit();
  // What the host refused, on the field it names (or on the form).
  const serverError = sendError ? { field: fieldOfError(sendError), error: sendError } : null;

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
    if (serverError && (serverError.field === null || serverError.field === field)) setSendError(null);
  };

  /** The field's message: the engine's rules as typed (once touched), or what the host refused. */
  const messageOf = (field: FormField): string | null => {
    if (serverError?.field === field) return serverFieldMessage(serverError.error, t);
    return touched.has(field) ? fieldMessage(built.problems, field, t) : null;
  };
  const noImages = images.state === 'done' && choices.length === 0;
  const invalid = built.problems.length > 0 || built.unticked.length > 0;
  const canSend = !invalid && !sending && images.state === 'done' && !noImages && (serverError === null || serverError.field === null);

  const submit = (): void => {
    // Show every problem at once when the person tries to send an incomplete form.
    setTouched(new Set(FORM_FIELDS));
    if (!canSend) return;
    const refused = (reason: unknown): never => {
      const error = errorOf(reason);
      if (error.code === 'consent-needed') setHostFindings(findingsOfRefusal(error.params));
      throw reason;
    };
    void run(() => create(built.spec).then(showNotice, refused), onClose);
  };

  return (
    <FormDialog className="create-dialog" title={t('create.title')} noValidate onSubmit={submit} onClose={onClose} canCancel={!sending}>
      <div className="dialog-body create-grid">
        <Field
          className="form-field"
          id={`${id}-image`}
          label={t('create.image')}
          hint={
            noImages
              ? t('create.noImagesHint')
              : images.state === 'failed'
                ? t('create.imagesFailed', { reason: describeError(images.error, t) })
                : t('create.imageHint')
          }
          error={messageOf('image')}
        >
          {(control) => (
            <select {...control} value={form.image} disabled={images.state !== 'done' || noImages} onChange={(e) => set('image', e.target.value, 'image')}>
              {images.state === 'loading' ? <option value="">{t('create.imagesLoading')}</option> : null}
              {noImages ? <option value="">{t('create.noImages')}</option> : null}
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.image.tags.length === 0 ? t('create.untagged', { id: c.image.id.replace(/^sha256:/, '').slice(0, 12) }) : c.value}
                </option>
              ))}
            </select>
          )}
        </Field>

        {(
          [
            ['name', 'create.name', 'create.nameHint', false],
            ['command', 'create.command', 'create.commandHint', true],
            ['entrypoint', 'create.entrypoint', 'create.entrypointHint', true],
          ] as const
        ).map(([field, label, hintKey, mono]) => (
          <TextField
            key={field}
            className="form-field"
            id={`${id}-${field}`}
            label={t(label)}
            hint={t(hintKey)}
            error={messageOf(field)}
            mono={mono}
            value={form[field]}
            onChange={(value) => set(field, value, field)}
          />
        ))}

        {(
          [
            ['env', 'create.env', 'create.envHint'],
            ['labels', 'create.labels', 'create.labelsHint'],
            ['ports', 'create.ports', 'create.portsHint'],
            ['volumes', 'create.volumes', 'create.volumesHint'],
          ] as const
        ).map(([field, label, hintKey]) => (
          <Field key={field} className="form-field" id={`${id}-${field}`} label={t(label)} hint={t(hintKey)} error={messageOf(field)}>
            {(control) => (
              <textarea className="mono" rows={3} {...control} value={form[field]} spellCheck={false} onChange={(e) => set(field, e.target.value, field)} />
            )}
          </Field>
        ))}

        {built.findings.length > 0 ? (
          <fieldset className="form-field wide root-consent" aria-describedby={`${id}-root-hint`}>
            <legend>{t('create.rootTitle')}</legend>
            <p id={`${id}-root-hint`} className="note warn">
              {t('create.rootHint')}
            </p>
            <ul className="root-findings">
              {built.findings.map((f, i) => {
                const key = findingKey(f);
                const box = `${id}-root-${i}`;
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

        <Field
          className="form-field"
          id={`${id}-network`}
          label={t('create.network')}
          hint={t(windows ? 'create.networkHintWindows' : 'create.networkHint')}
          error={messageOf('network')}
        >
          {(control) => (
            <>
              <input
                type="text"
                {...control}
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
            </>
          )}
        </Field>

        <Field className="form-field" id={`${id}-restart`} label={t('create.restart')} hint={t('create.restartHint')} error={messageOf('restart')}>
          {(control) => (
            <div className="inline-fields">
              <select {...control} value={form.restart} onChange={(e) => set('restart', e.target.value as RestartPolicyName, 'restart')}>
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
          )}
        </Field>

        <TextField
          className="form-field"
          id={`${id}-memory`}
          label={t('create.memory')}
          hint={t('create.memoryHint')}
          error={messageOf('memory')}
          value={form.memory}
          onChange={(value) => set('memory', value, 'memory')}
        />

        <Field className="form-field" id={`${id}-cpus`} label={t('create.cpus')} hint={t('create.cpusHint')} error={messageOf('cpus')}>
          {(control) => (
            <input type="text" inputMode="decimal" {...control} value={form.cpus} spellCheck={false} onChange={(e) => set('cpus', e.target.value, 'cpus')} />
          )}
        </Field>

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
                <RuntimeAliases aliases={option.aliases} />
              </label>
            ))}
          </div>
          <p id={`${id}-isolation-hint`} className="field-hint">
            {t(windows ? 'create.isolationHintWindows' : info?.kind === 'podman' ? 'create.isolationHintPodman' : 'create.isolationHint')}
          </p>
          {verdict ? <p className={verdict.ok === true ? 'note' : 'note warn'}>{describeWindowsVerdict(verdict, t)}</p> : null}
          {messageOf('isolation') ? (
            <p id={`${id}-isolation-error`} className="field-error">
              {messageOf('isolation')}
            </p>
          ) : null}
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
    </FormDialog>
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
