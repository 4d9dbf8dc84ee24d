// The Settings view: the active engine's default isolation and its daemon.json, Docker Desktop
// (when it is installed), WSL (when there is one), and every engine Silo knows.
import { useEffect } from 'react';
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { useBackends, useDaemonConfig } from '../../stores/backends-react';
import { DefaultIsolation } from './DefaultIsolation';
import { DaemonJsonEditor } from './DaemonJsonEditor';
import { DockerDesktopSection } from './DockerDesktopSection';
import { WslSection } from './WslSection';
import { EnginesSection } from './EnginesSection';
import { AddRemoteEngine } from './AddRemoteEngine';
import './backends.css';

export function SettingsView() {
  const t = useT();
  const active = useEngine((s) => s.endpoints.find((e) => e.active)?.id ?? null);
  const load = useDaemonConfig((s) => s.load);
  const loadDesktop = useBackends((s) => s.loadDesktop);
  const loadWsl = useBackends((s) => s.loadWsl);
  const loadContexts = useBackends((s) => s.loadContexts);

  useEffect(() => {
    if (active) void load(active);
  }, [active, load]);

  useEffect(() => {
    void loadDesktop();
    void loadWsl();
    void loadContexts();
  }, [loadDesktop, loadWsl, loadContexts]);

  return (
    <section className="view settings-view" aria-labelledby="settings-title">
      <header className="view-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="settings-scroll">
        <p className="muted settings-intro">{t('settings.intro')}</p>
        <DefaultIsolation />
        <DaemonJsonEditor />
        <DockerDesktopSection />
        <WslSection />
        <EnginesSection />
        <AddRemoteEngine />
      </div>
    </section>
  );
}
