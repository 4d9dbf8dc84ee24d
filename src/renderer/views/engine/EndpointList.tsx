// Every engine Silo found, the active one marked, with switching and rediscovery.
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { describeError } from '../../format/errors';
import { Icon } from '../../components/Icon';

export function EndpointList() {
  const t = useT();
  const endpoints = useEngine((s) => s.endpoints);
  const refreshing = useEngine((s) => s.refreshing);
  const selecting = useEngine((s) => s.selecting);
  const lastError = useEngine((s) => s.lastError);
  const select = useEngine((s) => s.select);
  const refresh = useEngine((s) => s.refresh);

  return (
    <section className="card" aria-labelledby="endpoints-title">
      <div className="card-head">
        <h2 id="endpoints-title">{t('endpoints.title')}</h2>
        <button type="button" className="button" onClick={() => void refresh()} disabled={refreshing}>
          <Icon name="refresh" />
          <span>{refreshing ? t('endpoints.refreshing') : t('endpoints.refresh')}</span>
        </button>
      </div>
      {lastError ? (
        <p className="note warn" role="alert">
          {describeError(lastError, t)}
        </p>
      ) : null}
      {endpoints.length === 0 ? (
        <p className="muted">{t('endpoints.none')}</p>
      ) : (
        <ul className="endpoints" aria-label={t('endpoints.title')}>
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className={endpoint.active ? 'endpoint active' : 'endpoint'} aria-current={endpoint.active ? 'true' : undefined}>
              <div className="endpoint-main">
                <span className="endpoint-name">
                  {endpoint.name}
                  {endpoint.active ? (
                    <span className="tag active-tag">
                      <Icon name="check" />
                      {t('endpoints.active')}
                    </span>
                  ) : null}
                  {endpoint.tls ? <span className="tag">{t('endpoints.tls')}</span> : null}
                </span>
                <code className="endpoint-host">{endpoint.host}</code>
                <span className="muted endpoint-source">{t(`endpointSource.${endpoint.source}`)}</span>
              </div>
              {endpoint.active ? null : (
                <button
                  type="button"
                  className="button"
                  aria-label={t('endpoints.useNamed', { name: endpoint.name })}
                  disabled={selecting !== null}
                  onClick={() => void select(endpoint.id)}
                >
                  {selecting === endpoint.id ? t('endpoints.switching') : t('endpoints.use')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
