// Docker Desktop, shown only where it is installed: version, backend (WSL 2 or Hyper-V) and the
// switch, with the warning that images and containers stay behind and an explicit acknowledgement;
// locked settings shown as locked and not offered; the Linux/Windows containers switch where this
// installation can make it; progress of a switch and its outcome.
import { useState } from 'react';
import type { DesktopBackend, DockerDesktopState } from '../../../shared/model/backends';
import { useT } from '../../i18n/react';
import { usePlatform } from '../../stores/backends-react';
import { DesktopSwitchStatus } from './DesktopSwitchStatus';
import { Facts } from '../../components/Facts';

export function DockerDesktopSection() {
  const t = useT();
  const desktop = usePlatform((s) => s.desktop);
  if (!desktop?.installed) return null;
  const backend = desktop.backend.current;
  const lockedWord = (locked: boolean) => (locked ? ` · ${t('backends.desktop.locked')}` : '');
  const windows = desktop.platform === 'windows';
  const facts: [string, string][] = [
    [t('backends.desktop.version'), desktop.version ?? t('backends.desktop.versionUnknown')],
    // Only Docker Desktop for Windows has two backends and two container platforms.
    ...(windows
      ? ([
          [
            t('backends.desktop.backend'),
            (backend ? t(`backends.desktop.backend.${backend}`) : t('backends.desktop.backendUnknown')) + lockedWord(desktop.backend.locked),
          ],
          [t('backends.desktop.containers'), desktop.containers.current ? t(`backends.desktop.containers.${desktop.containers.current}`) : t('common.unknown')],
        ] as [string, string][])
      : []),
    [t('backends.desktop.ecI'), onOff(desktop.enhancedContainerIsolation.value, t) + lockedWord(desktop.enhancedContainerIsolation.locked)],
    [t('backends.desktop.tcp2375'), onOff(desktop.exposeDockerAPIOnTCP2375.value, t) + lockedWord(desktop.exposeDockerAPIOnTCP2375.locked)],
  ];
  if (desktop.settingsFile) facts.push([t('backends.desktop.settingsFile'), desktop.settingsFile.path]);
  return (
    <section className="card" aria-labelledby="desktop-title">
      <h2 id="desktop-title">{t('backends.desktop.title')}</h2>
      <Facts facts={facts} />
      {desktop.exposeDockerAPIOnTCP2375.value ? <p className="note warn">{t('backends.desktop.tcp2375Warn')}</p> : null}
      <BackendSwitch desktop={desktop} />
      <ContainersSwitch desktop={desktop} />
      <DesktopSwitchStatus />
    </section>
  );
}

function onOff(value: boolean | null, t: ReturnType<typeof useT>): string {
  return value === null ? t('common.unknown') : t(value ? 'common.on' : 'common.off');
}

function BackendSwitch({ desktop }: { desktop: DockerDesktopState }) {
  const t = useT();
  const running = usePlatform((s) => s.desktopSwitch.phase === 'running');
  const switchBackend = usePlatform((s) => s.switchBackend);
  const [acknowledged, setAcknowledged] = useState(false);
  const { backend } = desktop;
  if (backend.locked) return <p className="locked-reason">{t('backends.desktop.lockedHint')}</p>;
  if (!backend.offered)
    return backend.unavailable && backend.unavailable !== 'not-windows' ? (
      <p className="muted">{t(`backends.desktop.unavailable.${backend.unavailable}`)}</p>
    ) : null;
  const target: DesktopBackend = backend.current === 'wsl2' ? 'hyperv' : 'wsl2';
  const targetName = t(`backends.desktop.backend.${target}`);
  return (
    <fieldset className="desktop-switch" disabled={running}>
      <legend>{t('backends.desktop.backend')}</legend>
      <p className="note warn">{t('backends.desktop.dataWarning')}</p>
      <label className="check">
        <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
        {t('backends.desktop.acknowledge')}
      </label>
      {desktop.restart === 'manual' ? <p className="note">{t('backends.desktop.restartManual')}</p> : null}
      <div className="dialog-buttons">
        <button
          type="button"
          className="button primary"
          disabled={!acknowledged || running}
          onClick={() => {
            setAcknowledged(false);
            void switchBackend(target);
          }}
        >
          {t('backends.desktop.switchTo', { backend: targetName })}
        </button>
      </div>
    </fieldset>
  );
}

function ContainersSwitch({ desktop }: { desktop: DockerDesktopState }) {
  const t = useT();
  const running = usePlatform((s) => s.desktopSwitch.phase === 'running');
  const switchContainers = usePlatform((s) => s.switchContainers);
  const { containers } = desktop;
  if (containers.offered.length === 0) {
    return containers.unavailable && containers.unavailable !== 'not-windows' ? (
      <p className="muted">{t(`backends.desktop.unavailable.${containers.unavailable}`)}</p>
    ) : null;
  }
  return (
    <div className="dialog-buttons desktop-containers">
      {containers.offered.map((platform) => (
        <button key={platform} type="button" className="button" disabled={running} onClick={() => void switchContainers(platform)}>
          {t('backends.desktop.useContainers', { platform: t(`backends.desktop.containers.${platform}`) })}
        </button>
      ))}
    </div>
  );
}
