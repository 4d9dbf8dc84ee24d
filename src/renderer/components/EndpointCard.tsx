// The list of engines, as the Engine view and the engine settings both show it: each engine's
// name with its tags (active, TLS, and what the caller adds), its host, a line the caller fills,
// and the caller's buttons; a warning when the last switch failed; a sentence when there is none.
import type { ReactNode } from 'react';
import type { SiloError } from '../../shared/errors';
import type { EngineEndpoint } from '../../shared/model/engine';
import { describeError } from '../format/errors';
import { useT } from '../i18n/react';
import { Icon } from './Icon';

export function EndpointCards({
  endpoints,
  label,
  none,
  error,
  children,
}: {
  endpoints: readonly EngineEndpoint[];
  label: string;
  none: string;
  error: SiloError | null;
  children: (endpoint: EngineEndpoint) => ReactNode;
}) {
  const t = useT();
  return (
    <>
      {error ? (
        <p className="note warn" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
      {endpoints.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="endpoints" aria-label={label}>
          {endpoints.map((endpoint) => children(endpoint))}
        </ul>
      )}
    </>
  );
}

export function EndpointCard({
  endpoint,
  activeLabel,
  tags,
  detail,
  actions,
}: {
  endpoint: EngineEndpoint;
  activeLabel: string;
  tags?: ReactNode;
  detail: ReactNode;
  actions: ReactNode;
}) {
  const t = useT();
  return (
    <li className={endpoint.active ? 'endpoint active' : 'endpoint'} aria-current={endpoint.active ? 'true' : undefined}>
      <div className="endpoint-main">
        <span className="endpoint-name">
          {endpoint.name}
          {endpoint.active ? (
            <span className="tag active-tag">
              <Icon name="check" />
              {activeLabel}
            </span>
          ) : null}
          {endpoint.tls ? <span className="tag">{t('endpoints.tls')}</span> : null}
          {tags}
        </span>
        <code className="endpoint-host">{endpoint.host}</code>
        {detail}
      </div>
      {actions}
    </li>
  );
}

/** "Use" for an engine that is not the active one, "Switching…" while it is being chosen. */
export function UseEndpointButton({
  endpoint,
  selecting,
  onSelect,
  words,
}: {
  endpoint: EngineEndpoint;
  selecting: string | null;
  onSelect: (id: string) => void;
  words: { named: string; use: string; switching: string };
}) {
  if (endpoint.active) return null;
  return (
    <button type="button" className="button" aria-label={words.named} disabled={selecting !== null} onClick={() => onSelect(endpoint.id)}>
      {selecting === endpoint.id ? words.switching : words.use}
    </button>
  );
}
