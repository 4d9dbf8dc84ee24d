// Unit tests translate synchronously in either language: both catalogs are registered up front,
// as a page has them once its language has loaded (src/renderer/i18n/index.ts loads on demand).
import { registerCatalog } from '../../src/renderer/i18n';
import { en, es } from '../../src/renderer/i18n/catalogs';

registerCatalog('en', en);
registerCatalog('es', es);
