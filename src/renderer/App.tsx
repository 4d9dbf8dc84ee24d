// The shell: a sidebar (the views, the command palette, the engine picker, the language, theme
// and density) and the active view; the page's keyboard shortcuts.
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useT, useLanguage } from './i18n/react';
import { useContainers, useUi } from './stores/react';
import { Icon } from './components/Icon';
import { NAV } from './nav';
import { useLook } from './look';
import { useGlobalShortcuts } from './shortcuts';
import { DensityPicker, ThemePicker } from './components/LookPickers';
import { ViewBoundary } from './components/ViewBoundary';
import { ConnectionBanner } from './components/ConnectionBanner';
import { EnginePicker, LanguagePicker } from './components/Pickers';
import { ContainersView } from './views/containers/ContainersView';
import { IsolationLayer } from './views/isolation/IsolationLayer';
import { Backends, Details, Engine, Images, Networks, Palette, VIEW_CHUNKS, Volumes } from './views/lazy';

export function App() {
  const t = useT();
  const language = useLanguage();
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const details = useUi((s) => s.details);
  const total = useContainers((s) => s.byId.size);
  const [palette, setPalette] = useState(false);
  const openPalette = useCallback(() => setPalette(true), []);
  const closePalette = useCallback(() => setPalette(false), []);
  useLook();
  useGlobalShortcuts(openPalette);

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
                  onPointerEnter={VIEW_CHUNKS[item.view]?.preload}
                  onFocus={VIEW_CHUNKS[item.view]?.preload}
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
          <button type="button" className="button palette-open" aria-keyshortcuts="Control+K Meta+K" onClick={openPalette}>
            {t('palette.open')}
          </button>
          <EnginePicker />
          <LanguagePicker />
          <ThemePicker />
          <DensityPicker />
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
      {palette ? (
        <Suspense fallback={null}>
          <Palette.Component onClose={closePalette} />
        </Suspense>
      ) : null}
    </div>
  );
}
