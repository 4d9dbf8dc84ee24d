// Entry point: connect to Silo, make the stores, feed them from events, follow the address, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToSilo } from './api';
import { createStores, startSession } from './stores';
import { StoresContext } from './stores/react';
import { bindRoute, followPlaceOpen, windowAddress } from './stores/route';
import { App } from './App';
import { applyLook } from './look';

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
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>
    </StrictMode>,
  );
}
