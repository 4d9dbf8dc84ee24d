// Engine-wide settings and backends: an engine's daemon.json (safe apply, elevation), Docker
// Desktop (settings, admin locks, backend and container switches), WSL, and remote engines
// stored as docker contexts. Everything that runs a command takes a CommandRunner; everything
// that touches a file takes a FileOps.
export { applyDaemonJson, type ApplyDeps, type ApplyOptions, type StepHook, type DaemonTarget } from './daemon-apply';
export { applyDaemonJsonElevated, type ElevatedApplyDeps } from './daemon-apply-elevated';
export { linuxDaemonTarget, windowsServiceTarget, type LinuxTargetOptions, type WindowsServiceTargetOptions } from './targets';
export { locateLinuxDaemon, pidFromFile, type LinuxDaemon } from './daemon-locator';
export { signalReloader, windowsServiceReloader, ReloadFailure, type EngineReloader } from './reloader';
export { buildElevatedInstallCommand, INSTALL_HELPER, PKEXEC } from './elevation';
export { sha256 } from './daemon-apply-parts';
export { nodeCommandRunner, type CommandRunner, type CommandResult } from './command-runner';
export { nodeFileOps, type FileOps } from './file-ops';
export { listWslDistros, decodeWslOutput, parseWslList, wslExeFor } from './wsl';
export { addRemoteEngine, removeSiloContext, listEngineContexts, validateRemoteEngine, dockerConfigDir } from './contexts-store';
export * from './docker-desktop';
