// The Spanish catalogs, the same domains as en.ts. Loaded on demand (index.ts).
import type { EN_DOMAINS, en } from './en';
import esCore from './es/core.json';
import esIsolation from './es/isolation.json';
import esBackends from './es/backends.json';
import esResources from './es/resources.json';
import esDetails from './es/details.json';
import esEditor from './es/editor.json';
import esWeakenings from './es/weakenings.json';
import esBoundary from './es/boundary.json';

export const ES_DOMAINS: { [D in keyof typeof EN_DOMAINS]: unknown } = {
  core: esCore,
  isolation: esIsolation,
  backends: esBackends,
  resources: esResources,
  details: esDetails,
  editor: esEditor,
  weakenings: esWeakenings,
  boundary: esBoundary,
};

// Typed as the English catalog: the compiler rejects a Spanish catalog that lacks an English key.
export const es: typeof en = { ...esCore, ...esIsolation, ...esBackends, ...esResources, ...esDetails, ...esEditor, ...esWeakenings, ...esBoundary };
export default es;
