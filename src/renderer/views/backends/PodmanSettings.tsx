// A Podman engine keeps its settings, the default runtime among them, in containers.conf, not in
// daemon.json: say where, instead of offering a daemon.json editor that would change nothing.
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/react';

/** Where Podman looks for containers.conf (containers.conf(5)), each with what it is for. */
const PLACES: ReadonlyArray<readonly [string, MessageKey]> = [
  ['/etc/containers/containers.conf', 'backends.podman.system'],
  ['~/.config/containers/containers.conf', 'backends.podman.rootless'],
  ['CONTAINERS_CONF', 'backends.podman.env'],
];

export function PodmanSettings() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="podman-settings-title">
      <h2 id="podman-settings-title">{t('backends.podman.title')}</h2>
      <p>{t('backends.podman.where')}</p>
      <ul>
        {PLACES.map(([place, key]) => (
          <li key={place}>
            <code>{place}</code> {t(key)}
          </li>
        ))}
      </ul>
      <p className="muted">{t('backends.podman.runtimes')}</p>
    </section>
  );
}
