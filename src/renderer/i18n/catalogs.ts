// Both languages' catalogs at once, for tests and tools. The renderer never imports this file: it
// loads the language it shows through index.ts.
export { EN_DOMAINS, en } from './en';
export { ES_DOMAINS, es } from './es';
