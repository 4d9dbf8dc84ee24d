// WSL distributions (Windows only): state, WSL version, the default, and Docker integration.
import { useT } from '../../i18n/react';
import { useBackends } from '../../stores/backends-react';

export function WslSection() {
  const t = useT();
  const wsl = useBackends((s) => s.wsl);
  if (!wsl?.available) return null;
  const integration = (on: boolean, internal: boolean) => {
    if (internal) return t('settings.wsl.internal');
    if (!wsl.integrationKnown) return t('settings.wsl.integrationUnknown');
    return t(on ? 'settings.wsl.integrated' : 'settings.wsl.notIntegrated');
  };
  return (
    <section className="card" aria-labelledby="wsl-title">
      <h2 id="wsl-title">{t('settings.wsl.title')}</h2>
      {wsl.distros.length === 0 ? (
        <p className="muted">{wsl.message ?? t('settings.wsl.none')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.wsl.name')}</th>
              <th scope="col">{t('settings.wsl.state')}</th>
              <th scope="col">{t('settings.wsl.version')}</th>
              <th scope="col">{t('settings.wsl.docker')}</th>
            </tr>
          </thead>
          <tbody>
            {wsl.distros.map((d) => (
              <tr key={d.name}>
                <th scope="row">
                  {d.name}
                  {d.isDefault ? <span className="tag">{t('settings.wsl.default')}</span> : null}
                </th>
                <td>{d.state === 'other' ? d.stateText : t(`settings.wsl.state.${d.state}`)}</td>
                <td>{d.version ?? t('common.unknown')}</td>
                <td>{integration(d.dockerIntegration, d.dockerInternal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
