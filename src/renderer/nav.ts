// The views of the sidebar, in order, with their icon and words (the sidebar and the command
// palette both list them).
import type { MessageKey } from './i18n';
import type { IconName } from './components/Icon';
import type { View } from './stores/ui';
import { Backends, Engine, Images, Networks, Volumes, type LazyView } from './views/lazy';

/** `chunk`: the view's lazily loaded code, fetched as soon as the person points at its entry. */
export const NAV: readonly { view: View; icon: IconName; label: MessageKey; chunk?: LazyView<object> }[] = [
  { view: 'containers', icon: 'box', label: 'nav.containers' },
  { view: 'images', icon: 'image', label: 'nav.images', chunk: Images },
  { view: 'volumes', icon: 'volume', label: 'nav.volumes', chunk: Volumes },
  { view: 'networks', icon: 'network', label: 'nav.networks', chunk: Networks },
  { view: 'engine', icon: 'engine', label: 'nav.engine', chunk: Engine },
  { view: 'backends', icon: 'settings', label: 'nav.backends', chunk: Backends },
];
