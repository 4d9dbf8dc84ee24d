// The message catalogs, one JSON file per domain and language, merged here. A domain adds its
// pair of files (en/<domain>.json, es/<domain>.json) and one line per language below. Keys are
// prefixed by domain so two files never define the same key (a unit test checks it).
import enCore from './en/core.json';
import esCore from './es/core.json';
import enIsolation from './en/isolation.json';
import esIsolation from './es/isolation.json';
import enBackends from './en/backends.json';
import esBackends from './es/backends.json';
import enResources from './en/resources.json';
import esResources from './es/resources.json';
import enDetails from './en/details.json';
import esDetails from './es/details.json';
import enEditor from './en/editor.json';
import esEditor from './es/editor.json';
import enWeakenings from './en/weakenings.json';
import esWeakenings from './es/weakenings.json';
import enBoundary from './en/boundary.json';
import esBoundary from './es/boundary.json';

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

export const en = { ...enCore, ...enIsolation, ...enBackends, ...enResources, ...enDetails, ...enEditor, ...enWeakenings, ...enBoundary };
export const es = { ...esCore, ...esIsolation, ...esBackends, ...esResources, ...esDetails, ...esEditor, ...esWeakenings, ...esBoundary };
