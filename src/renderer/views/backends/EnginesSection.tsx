// Every engine Silo knows, which one is active, the default isolation each runs (the active one's
// from its info; another's when the person asks, never polled), switching, and removing an engine
// Silo added.
import { EndpointCard, EndpointCards, UseEndpointButton } from '../../components/EndpointCard';
import { describeError } from '../../format/errors';
import { rungName } from '../../format/isolation';
import type { Translate } from '../../i18n';
import { OutcomeNote } from '../../components/OutcomeNote';
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { usePlatform } from '../../stores/backends-react';
import type { EngineEndpoint } from '../../../shared/model/engine';
import { engineIsolation, isContextEndpoint } from './model';
import { engineErrorText } from './words';
import { usePick } from '../../stores/use-pick';

export function EnginesSection() {
  const t = useT();
  const endpoints = useEngine((s) => s.endpoints);
  const selecting = useEngine((s) => s.selecting);
  const selectError = useEngine((s) => s.lastError);
  const { contexts, removing, removeRemote } = usePick(usePlatform, ['contexts', 'removing', 'removeRemote']);
  const select = useEngine((s) => s.select);
  const siloMade = new Set(contexts.filter((c) => c.createdBySilo).map((c) => c.name));

  return (
    <section className="card" aria-labelledby="engines-title">
      <h2 id="engines-title">{t('backends.engines.title')}</h2>
      <p className="muted">{t('backends.engines.intro')}</p>
      <EndpointCards endpoints={endpoints} label={t('backends.engines.title')} none={t('backends.engines.none')} error={selectError}>
        {(endpoint) => {
          const removable = !endpoint.active && isContextEndpoint(endpoint) && siloMade.has(endpoint.name);
          return (
            <EndpointCard
              key={endpoint.id}
              endpoint={endpoint}
              activeLabel={t('backends.engines.active')}
              tags={siloMade.has(endpoint.name) && isContextEndpoint(endpoint) ? <span className="tag">{t('backends.engines.addedBySilo')}</span> : null}
              detail={<EngineDefault endpoint={endpoint} t={t} />}
              actions={
                <div className="endpoint-actions">
                  <UseEndpointButton
                    endpoint={endpoint}
                    selecting={selecting}
                    onSelect={(id) => void select(id)}
                    words={{
                      named: t('backends.engines.useNamed', { name: endpoint.name }),
                      use: t('backends.engines.use'),
                      switching: t('backends.engines.switching'),
                    }}
                  />
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
              }
            />
          );
        }}
      </EndpointCards>
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
  return <OutcomeNote outcome={{ tone: outcome.status === 'done' ? 'ok' : 'bad', title: text }} onDismiss={dismiss} />;
}
