// Entry point: connect to Silo and ask for the session, make the stores, feed them from events,
// follow the address, then render once the session is asked for and the language is loaded: the
// list travels while React renders the shell (a render first would hold the socket's open).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToSilo, type SiloClient } from './api';
import { loadLanguage } from './i18n';
import { createStores, startSession } from './stores';
import { StoresContext } from './stores/react';
import { bindRoute, followPlaceOpen, windowAddress } from './stores/route';
import { App } from './App';
import { applyLook } from './look';

/** The longest the first render waits for the link to settle (a host that neither opens nor refuses). */
const LINK_WAIT_MS = 1500;

/** Resolves once the link first opens (session.start is then sent) or is lost, or after LINK_WAIT_MS. */
function linkSettled(client: SiloClient): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, LINK_WAIT_MS);
    const off = client.onLink((link) => {
      if (link.state !== 'connecting') done();
    });
    function done(): void {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}

const client = connectToSilo();
const stores = createStores(client, {
  urlLang: new URLSearchParams(location.search).get('lang'),
  system: navigator.languages ?? [navigator.language],
});
startSession(client, stores);
// Where the person is lives in the address: a reload or a pasted link comes back to it.
followPlaceOpen(client, bindRoute(stores, windowAddress(window)));

// The system's look until the preferences arrive (no flash of light in a dark system).
applyLook(document.documentElement, 'system', 'comfortable');

const root = document.getElementById('root');
void Promise.allSettled([loadLanguage(stores.preferences.getState().language), linkSettled(client)]).then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>
    </StrictMode>,
  );
});
