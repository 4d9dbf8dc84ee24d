// The message catalogs, one JSON file per domain and language, merged here. A domain adds its
// pair of files (en/<domain>.json, es/<domain>.json) and one line per language below. Keys are
// prefixed by domain so two files never define the same key (a unit test checks it).
import enCore from './en/core.json';
import esCore from './es/core.json';
import enIsolation from './en/isolation.json';
import esIsolation from './es/isolation.json';

export const EN_DOMAINS = { core: enCore, isolation: enIsolation } as const;
export const ES_DOMAINS: { [D in keyof typeof EN_DOMAINS]: unknown } = { core: esCore, isolation: esIsolation };

export const en = { ...enCore, ...enIsolation };
export const es = { ...esCore, ...esIsolation };
