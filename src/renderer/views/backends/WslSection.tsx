// WSL distributions (Windows only): state, WSL version, the default, and Docker integration.
import { useT } from '../../i18n/react';
import { usePlatform } from '../../stores/backends-react';

export function WslSection() {
  const t = useT();
  const wsl = usePlatform((s) => s.wsl);
  if (!wsl?.available) return null;
  const integration = (on: boolean, internal: boolean) => {
    if (internal) return t('backends.wsl.internal');
    if (!wsl.integrationKnown) return t('backends.wsl.integrationUnknown');
    return t(on ? 'backends.wsl.integrated' : 'backends.wsl.notIntegrated');
  };
  return (
    <section className="card" aria-labelledby="wsl-title">
      <h2 id="wsl-title">{t('backends.wsl.title')}</h2>
      {wsl.distros.length === 0 ? (
        <p className="muted">{wsl.message ?? t('backends.wsl.none')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('backends.wsl.name')}</th>
              <th scope="col">{t('backends.wsl.state')}</th>
              <th scope="col">{t('backends.wsl.version')}</th>
              <th scope="col">{t('backends.wsl.docker')}</th>
            </tr>
          </thead>
          <tbody>
            {wsl.distros.map((d) => (
              <tr key={d.name}>
                <th scope="row">
                  {d.name}
                  {d.isDefault ? <span className="tag">{t('backends.wsl.default')}</span> : null}
                </th>
                <td>{d.state === 'other' ? d.stateText : t(`backends.wsl.state.${d.state}`)}</td>
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
