// The plain menu template as Electron's: each action descriptor becomes a click handler.
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayMenuItem } from './types';

export function toElectronTemplate(items: readonly TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const options: MenuItemConstructorOptions = {};
    if (item.type) options.type = item.type;
    if (item.label !== undefined) options.label = item.label;
    if (item.enabled !== undefined) options.enabled = item.enabled;
    if (item.checked !== undefined) options.checked = item.checked;
    if (item.submenu) options.submenu = toElectronTemplate(item.submenu, onAction);
    const action = item.action;
    if (action) options.click = () => onAction(action);
    return options;
  });
}
