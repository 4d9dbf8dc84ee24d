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
import { useBackends } from '../../stores/settings-react';
import type { EngineEndpoint } from '../../../shared/model/engine';
import { engineIsolation, isContextEndpoint } from './model';
import { engineErrorText } from './wording';
import { usePick } from '../../stores/use-pick';

export function EnginesSection() {
  const t = useT();
  const endpoints = useEngine((s) => s.endpoints);
  const selecting = useEngine((s) => s.selecting);
  const selectError = useEngine((s) => s.lastError);
  const { contexts, removing, removeRemote } = usePick(useBackends, ['contexts', 'removing', 'removeRemote']);
  const select = useEngine((s) => s.select);
  const siloMade = new Set(contexts.filter((c) => c.createdBySilo).map((c) => c.name));

  return (
    <section className="card" aria-labelledby="engines-title">
      <h2 id="engines-title">{t('settings.engines.title')}</h2>
      <p className="muted">{t('settings.engines.intro')}</p>
      <EndpointCards endpoints={endpoints} label={t('settings.engines.title')} none={t('settings.engines.none')} error={selectError}>
        {(endpoint) => {
          const removable = !endpoint.active && isContextEndpoint(endpoint) && siloMade.has(endpoint.name);
          return (
            <EndpointCard
              key={endpoint.id}
              endpoint={endpoint}
              activeLabel={t('settings.engines.active')}
              tags={siloMade.has(endpoint.name) && isContextEndpoint(endpoint) ? <span className="tag">{t('settings.engines.addedBySilo')}</span> : null}
              detail={<EngineDefault endpoint={endpoint} t={t} />}
              actions={
                <div className="endpoint-actions">
                  <UseEndpointButton
                    endpoint={endpoint}
                    selecting={selecting}
                    onSelect={(id) => void select(id)}
                    words={{
                      named: t('settings.engines.useNamed', { name: endpoint.name }),
                      use: t('settings.engines.use'),
                      switching: t('settings.engines.switching'),
                    }}
                  />
                  {removable ? (
                    <button
                      type="button"
                      className="button danger"
                      aria-label={t('settings.engines.removeNamed', { name: endpoint.name })}
                      disabled={removing !== null}
                      onClick={() => void removeRemote(endpoint.name)}
                    >
                      {removing === endpoint.name ? t('settings.engines.removing') : t('settings.engines.remove')}
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
  const defaults = useBackends((s) => s.defaults);
  const describe = useBackends((s) => s.describe);
  const isolation = engineIsolation(endpoint, snapshot, defaults);
  let text: string;
  switch (isolation.kind) {
    case 'known':
      text = isolation.rung ? t('settings.engines.defaultMode', { mode: isolation.mode, rung: rungName(isolation.rung, t) }) : isolation.mode;
      break;
    case 'asking':
      text = t('settings.engines.asking');
      break;
    case 'unknown':
      text = t('settings.engines.unknownUntilConnected');
      break;
    case 'no-answer':
      text = t('settings.engines.noAnswer', { reason: describeError(isolation.error, t) });
      break;
  }
  return (
    <span className="endpoint-isolation">
      <span className="muted">{t('settings.engines.isolation')}</span>
      <span>{text}</span>
      {isolation.kind === 'unknown' || isolation.kind === 'no-answer' ? (
        <button
          type="button"
          className="link-button"
          aria-label={t('settings.engines.askNamed', { name: endpoint.name })}
          onClick={() => void describe(endpoint.id)}
        >
          {t('settings.engines.ask')}
        </button>
      ) : null}
    </span>
  );
}

function EngineOutcome() {
  const t = useT();
  const added = useBackends((s) => s.addOutcome);
  const removed = useBackends((s) => s.removeOutcome);
  const dismiss = useBackends((s) => s.dismissEngineOutcome);
  const outcome = removed ?? added;
  if (!outcome) return null;
  const text =
    outcome.status === 'done'
      ? outcome === removed
        ? t('settings.engines.removed', { name: outcome.context.name, path: outcome.backupPath ?? '' })
        : t('settings.engines.added', { name: outcome.context.name })
      : engineErrorText(outcome.error, t);
  return <OutcomeNote outcome={{ tone: outcome.status === 'done' ? 'ok' : 'bad', title: text }} onDismiss={dismiss} />;
}
