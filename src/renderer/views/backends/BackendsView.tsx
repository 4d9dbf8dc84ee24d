// The Engine settings view: the active engine's default isolation and its daemon.json (for Podman,
// where its containers.conf is), Docker Desktop
// (when it is installed), WSL (when there is one), and every engine Silo knows.
import { PageView } from '../../components/PageView';
import { useEffect } from 'react';
import { useT } from '../../i18n/react';
import { useEngine } from '../../stores/react';
import { usePlatform, useDaemon } from '../../stores/backends-react';
import { DefaultIsolation } from './DefaultIsolation';
import { DaemonJsonEditor } from './DaemonJsonEditor';
import { DockerDesktopSection } from './DockerDesktopSection';
import { WslSection } from './WslSection';
import { PodmanSettings } from './PodmanSettings';
import { EnginesSection } from './EnginesSection';
import { AddRemoteEngine } from './AddRemoteEngine';
import './backends.css';

export function BackendsView() {
  const t = useT();
  const active = useEngine((s) => s.endpoints.find((e) => e.active)?.id ?? null);
  const podman = useEngine((s) => s.snapshot?.info?.kind === 'podman');
  const load = useDaemon((s) => s.load);
  const loadDesktop = usePlatform((s) => s.loadDesktop);
  const loadWsl = usePlatform((s) => s.loadWsl);
  const loadContexts = usePlatform((s) => s.loadContexts);

  useEffect(() => {
    if (active && !podman) void load(active);
  }, [active, podman, load]);

  useEffect(() => {
    void loadDesktop();
    void loadWsl();
    void loadContexts();
  }, [loadDesktop, loadWsl, loadContexts]);

  return (
    <PageView name="backends" title={t('backends.title')}>
      <p className="muted backends-intro">{t('backends.intro')}</p>
      {podman ? (
        <PodmanSettings />
      ) : (
        <>
          <DefaultIsolation />
          <DaemonJsonEditor />
        </>
      )}
      <DockerDesktopSection />
      <WslSection />
      <EnginesSection />
      <AddRemoteEngine />
    </PageView>
  );
}
