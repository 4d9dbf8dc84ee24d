// Entry point: connect to Silo, make the stores, feed them from events, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToSilo } from './api';
import { createStores, startSession } from './stores';
import { StoresContext } from './stores/react';
import { App } from './App';

const client = connectToSilo();
const stores = createStores(client, {
  urlLang: new URLSearchParams(location.search).get('lang'),
  system: navigator.languages ?? [navigator.language],
});
startSession(client, stores);

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
