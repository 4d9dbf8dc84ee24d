// The views of the sidebar, in order, with their icon and words (the sidebar and the command
// palette both list them).
import type { MessageKey } from './i18n';
import type { IconName } from './components/Icon';
import type { View } from './stores/ui';

export const NAV: readonly { view: View; icon: IconName; label: MessageKey }[] = [
  { view: 'containers', icon: 'box', label: 'nav.containers' },
  { view: 'images', icon: 'image', label: 'nav.images' },
  { view: 'volumes', icon: 'volume', label: 'nav.volumes' },
  { view: 'networks', icon: 'network', label: 'nav.networks' },
  { view: 'engine', icon: 'engine', label: 'nav.engine' },
  { view: 'backends', icon: 'settings', label: 'nav.backends' },
];
