// Every engine Silo knows, which one is active, the default isolation each runs (the active one's
// from its info; another's when the person asks, never polled), switching, and removing an engine
// Silo added.
import { Icon } from '../../components/Icon';
import { describeError } from '../../format/errors';
import { rungName } from '../../format/isolation';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { usePlatform } from '../../stores/backends-react';
import type { EngineEndpoint } from '../../../shared/model/engine';
import { engineIsolation, isContextEndpoint } from './model';
import { engineErrorText } from './words';

export function EnginesSection() {
  const t = useT();
  const endpoints = useEngine((s) => s.endpoints);
  const selecting = useEngine((s) => s.selecting);
  const selectError = useEngine((s) => s.lastError);
  const contexts = usePlatform((s) => s.contexts);
  const removing = usePlatform((s) => s.removing);
  const removeRemote = usePlatform((s) => s.removeRemote);
  const select = useEngine((s) => s.select);
  const siloMade = new Set(contexts.filter((c) => c.createdBySilo).map((c) => c.name));

  return (
    <section className="card" aria-labelledby="engines-title">
      <h2 id="engines-title">{t('backends.engines.title')}</h2>
      <p className="muted">{t('backends.engines.intro')}</p>
      {selectError ? (
        <p className="note warn" role="alert">
          {describeError(selectError, t)}
        </p>
      ) : null}
      {endpoints.length === 0 ? (
        <p className="muted">{t('backends.engines.none')}</p>
      ) : (
        <ul className="endpoints" aria-label={t('backends.engines.title')}>
          {endpoints.map((endpoint) => {
            const removable = !endpoint.active && isContextEndpoint(endpoint) && siloMade.has(endpoint.name);
            return (
              <li key={endpoint.id} className={endpoint.active ? 'endpoint active' : 'endpoint'} aria-current={endpoint.active ? 'true' : undefined}>
                <div className="endpoint-main">
                  <span className="endpoint-name">
                    {endpoint.name}
                    {endpoint.active ? (
                      <span className="tag active-tag">
                        <Icon name="check" />
                        {t('backends.engines.active')}
                      </span>
                    ) : null}
                    {endpoint.tls ? <span className="tag">{t('endpoints.tls')}</span> : null}
                    {siloMade.has(endpoint.name) && isContextEndpoint(endpoint) ? <span className="tag">{t('backends.engines.addedBySilo')}</span> : null}
                  </span>
                  <code className="endpoint-host">{endpoint.host}</code>
                  <EngineDefault endpoint={endpoint} t={t} />
                </div>
                <div className="endpoint-actions">
                  {endpoint.active ? null : (
                    <button
                      type="button"
                      className="button"
                      aria-label={t('backends.engines.useNamed', { name: endpoint.name })}
                      disabled={selecting !== null}
                      onClick={() => void select(endpoint.id)}
                    >
                      {selecting === endpoint.id ? t('backends.engines.switching') : t('backends.engines.use')}
                    </button>
                  )}
                  {removable ? (
                    <button
                      type="button"
                      className="button danger"
                      aria-label={t('backends.engines.removeNamed', { name: endpoint.name })}
                      disabled={removing !== null}
                      onClick={() => void removeRemote(endpoint.name)}
                    >
                      {removing === endpoint.name ? t('backends.engines.removing') : t('backends.engines.remove')}
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <EngineOutcome />
    </section>
  );
}

function EngineDefault({ endpoint, t }: { endpoint: EngineEndpoint; t: Translate }) {
  const snapshot = useEngine((s) => s.snapshot);
  const defaults = usePlatform((s) => s.defaults);
  const describe = usePlatform((s) => s.describe);
  const isolation = engineIsolation(endpoint, snapshot, defaults);
  let text: string;
  switch (isolation.kind) {
    case 'known':
      text = isolation.rung ? t('backends.engines.defaultMode', { mode: isolation.mode, rung: rungName(isolation.rung, t) }) : isolation.mode;
      break;
    case 'asking':
      text = t('backends.engines.asking');
      break;
    case 'unknown':
      text = t('backends.engines.unknownUntilConnected');
      break;
    case 'no-answer':
      text = t('backends.engines.noAnswer', { reason: describeError(isolation.error, t) });
      break;
  }
  return (
    <span className="endpoint-isolation">
      <span className="muted">{t('backends.engines.isolation')}</span>
      <span>{text}</span>
      {isolation.kind === 'unknown' || isolation.kind === 'no-answer' ? (
        <button
          type="button"
          className="link-button"
          aria-label={t('backends.engines.askNamed', { name: endpoint.name })}
          onClick={() => void describe(endpoint.id)}
        >
          {t('backends.engines.ask')}
        </button>
      ) : null}
    </span>
  );
}

function EngineOutcome() {
  const t = useT();
  const added = usePlatform((s) => s.addOutcome);
  const removed = usePlatform((s) => s.removeOutcome);
  const dismiss = usePlatform((s) => s.dismissEngineOutcome);
  const outcome = removed ?? added;
  if (!outcome) return null;
  const text =
    outcome.status === 'done'
      ? outcome === removed
        ? t('backends.engines.removed', { name: outcome.context.name, path: outcome.backupPath ?? '' })
        : t('backends.engines.added', { name: outcome.context.name })
      : engineErrorText(outcome.error, t);
  return (
    <div className={`outcome tone-${outcome.status === 'done' ? 'ok' : 'bad'}`} role={outcome.status === 'done' ? 'status' : 'alert'}>
      <p className="outcome-title">{text}</p>
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={dismiss}>
          {t('backends.outcome.dismiss')}
        </button>
      </div>
    </div>
  );
}
