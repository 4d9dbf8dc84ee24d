// Every engine Silo found, the active one marked, with switching and rediscovery.
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { EndpointCard, EndpointCards, UseEndpointButton } from '../../components/EndpointCard';
import { Icon } from '../../components/Icon';
import { usePick } from '../../stores/use-pick';

export function EndpointList() {
  const t = useT();
  const { endpoints, refreshing, selecting } = usePick(useEngine, ['endpoints', 'refreshing', 'selecting']);
  const { lastError, select, refresh } = usePick(useEngine, ['lastError', 'select', 'refresh']);

  return (
    <section className="card" aria-labelledby="endpoints-title">
      <div className="card-head">
        <h2 id="endpoints-title">{t('endpoints.title')}</h2>
        <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing}>
          <Icon name="refresh" />
          <span>{refreshing ? t('endpoints.refreshing') : t('endpoints.refresh')}</span>
        </button>
      </div>
      <EndpointCards endpoints={endpoints} label={t('endpoints.title')} none={t('endpoints.none')} error={lastError}>
        {(endpoint) => (
          <EndpointCard
            key={endpoint.id}
            endpoint={endpoint}
            activeLabel={t('endpoints.active')}
            detail={<span className="muted endpoint-source">{t(`endpointSource.${endpoint.source}`)}</span>}
            actions={
              <UseEndpointButton
                endpoint={endpoint}
                selecting={selecting}
                onSelect={(id) => void select(id)}
                words={{ named: t('endpoints.useNamed', { name: endpoint.name }), use: t('endpoints.use'), switching: t('endpoints.switching') }}
              />
            }
          />
        )}
      </EndpointCards>
    </section>
  );
}
