// The tray menu as plain data: the shape of Electron's MenuItemConstructorOptions that Silo uses,
// with an action descriptor instead of a click closure, so the menu is built and tested without
// Electron. tray.ts maps each descriptor to a call.
import type { ConnectionPhase } from '../../shared/model/engine';

export type TrayContainerAction = 'stop' | 'restart' | 'start' | 'logs';

export type TrayAction =
  | { type: 'container'; id: string; action: TrayContainerAction }
  | { type: 'engine'; id: string }
  | { type: 'default-isolation'; mode: string }
  | { type: 'engine-os'; target: 'windows' | 'linux' }
  | { type: 'open'; view?: 'containers' }
  | { type: 'backends' }
  | { type: 'quit' };

export interface TrayMenuItem {
  type?: 'normal' | 'separator' | 'submenu' | 'radio';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: TrayMenuItem[];
  action?: TrayAction;
}

/** Which icon the tray shows: one per engine state. */
export type TrayIconState = 'connected' | 'reconnecting' | 'unreachable';

export function iconStateFor(phase: ConnectionPhase | null): TrayIconState {
  if (phase === 'connected') return 'connected';
  if (phase === 'connecting' || phase === 'reconnecting') return 'reconnecting';
  return 'unreachable';
}
