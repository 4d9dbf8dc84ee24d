// Docker Desktop: detection, settings and admin locks, the backend and container switches.
export { desktopPaths, type DesktopEnvironment, type DesktopPaths } from './paths';
export { inspectDockerDesktop, type DesktopSnapshot } from './detect';
export { readDesktopSettings, booleanSetting, stringListSetting, withSetting, type DesktopSettingsFile } from './settings-file';
export { readAdminSettings, type AdminSettings } from './admin-settings';
export { restartCommand, engineUseCommand, probeDesktopCommands, type DesktopCommands } from './commands';
export { switchDesktopBackend, backendOf, type DesktopSwitchDeps } from './switch-backend';
export { switchDesktopContainers, type EngineSwitchDeps } from './switch-engine';
