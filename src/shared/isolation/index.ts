// Pure rules of the isolation ladder (docs/isolation.md). Signatures fixed; the bodies
// live in the files re-exported here.
export { classifyRuntime, classifyWindowsIsolation, parseWindowsIsolation } from './ladder';
export { detectEngineKind, parseHardening, windowsHostBuild, toEngineInfo, windowsDefaultIsolation } from './engine-info';
export { resolveIsolation, UNKNOWN_DEFAULT_MODE } from './resolve';
export { mountsEngineSocket, isEngineSocketSource } from './socket-mount';
