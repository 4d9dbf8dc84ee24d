// The English catalogs, the reference: one JSON file per domain, merged. A domain adds its pair of
// files (en/<domain>.json, es/<domain>.json) and one line here and in es.ts. Keys are prefixed by
// domain so two files never define the same key (a unit test checks it). Loaded on demand
// (index.ts): the page carries only the language it shows.
import enCore from './en/core.json';
import enIsolation from './en/isolation.json';
import enBackends from './en/backends.json';
import enResources from './en/resources.json';
import enDetails from './en/details.json';
import enEditor from './en/editor.json';
import enWeakenings from './en/weakenings.json';
import enBoundary from './en/boundary.json';

export const EN_DOMAINS = {
  core: enCore,
  isolation: enIsolation,
  backends: enBackends,
  resources: enResources,
  details: enDetails,
  editor: enEditor,
  weakenings: enWeakenings,
  boundary: enBoundary,
} as const;

export const en = { ...enCore, ...enIsolation, ...enBackends, ...enResources, ...enDetails, ...enEditor, ...enWeakenings, ...enBoundary };
export default en;
