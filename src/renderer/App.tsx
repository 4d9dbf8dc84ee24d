// The shell: a sidebar (the two views, the engine picker, the language) and the active view.
import { Suspense, useEffect } from 'react';
import { useT, useLanguage } from './i18n/react';
import type { MessageKey } from './i18n';
import { useContainers, useUi } from './stores/react';
import type { View } from './stores/ui';
import { Icon, type IconName } from './components/Icon';
import { ViewBoundary } from './components/ViewBoundary';
import { ConnectionBanner } from './components/ConnectionBanner';
import { EnginePicker, LanguagePicker } from './components/Pickers';
import { ContainersView } from './views/containers/ContainersView';
import { IsolationLayer } from './views/isolation/IsolationLayer';
import { Backends, Details, Engine, Images, Networks, Volumes, type LazyView } from './views/lazy';

const NAV: readonly { view: View; icon: IconName; label: MessageKey; chunk?: LazyView<object> }[] = [
  { view: 'containers', icon: 'box', label: 'nav.containers' },
  { view: 'images', icon: 'image', label: 'nav.images', chunk: Images },
  { view: 'volumes', icon: 'volume', label: 'nav.volumes', chunk: Volumes },
  { view: 'networks', icon: 'network', label: 'nav.networks', chunk: Networks },
  { view: 'engine', icon: 'engine', label: 'nav.engine', chunk: Engine },
  { view: 'backends', icon: 'settings', label: 'nav.backends', chunk: Backends },
];

export function App() {
  const t = useT();
  const language = useLanguage();
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const details = useUi((s) => s.details);
  const total = useContainers((s) => s.byId.size);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <button
                  type="button"
                  className={item.view === view ? 'nav-item current' : 'nav-item'}
                  aria-current={item.view === view ? 'page' : undefined}
                  onClick={() => setView(item.view)}
                  onPointerEnter={item.chunk?.preload}
                  onFocus={item.chunk?.preload}
                >
                  <Icon name={item.icon} />
                  <span>{t(item.label)}</span>
                  {item.view === 'containers' ? (
                    <span className="nav-count" aria-hidden="true">
                      {total}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-foot">
          <EnginePicker />
          <LanguagePicker />
        </div>
      </aside>
      <main className="main">
        <ConnectionBanner />
        <IsolationLayer />
        <ViewBoundary key={details ? `${view}/${details}` : view}>
          <Suspense fallback={<p className="muted view-loading">{t('view.loading')}</p>}>
            {view === 'containers' ? (
              details ? (
                <Details.Component key={details} reference={details} />
              ) : (
                <ContainersView />
              )
            ) : view === 'images' ? (
              <Images.Component />
            ) : view === 'volumes' ? (
              <Volumes.Component />
            ) : view === 'networks' ? (
              <Networks.Component />
            ) : view === 'backends' ? (
              <Backends.Component />
            ) : (
              <Engine.Component />
            )}
          </Suspense>
        </ViewBoundary>
      </main>
    </div>
  );
}
