// Pure rules for an engine's daemon.json: parse and validate the whole file, edit it minimally,
// describe the difference, and say what GET /info must show once the engine has taken it.
export { parseJsonSource, toValue, lineColumn, describeSyntaxError, findMember, type JsonValue, type JsonNode, type JsonSyntaxError } from './json-source';
export { setMember, removeMember, JsonEditError } from './json-edit';
export { validateDaemonJson, type ValidateOptions, type DaemonReport } from './daemon-validate';
export { parseExecOpt, WINDOWS_ISOLATION_VALUES, type RuntimePathCheck } from './daemon-runtimes';
export { setDefaultRuntime, addRuntime, removeRuntime, setWindowsIsolation } from './daemon-edit';
export { diffDaemonJson, changedKeys, sameValue } from './daemon-diff';
export { expectedEngineState, compareWithInfo, type EngineExpectation } from './daemon-expect';
export { parseDaemonArgs, splitCmdline, type DaemonArgs } from './daemon-args';
export { DAEMON_KEYS, BUILTIN_RUNTIMES, RELOADABLE_KEYS } from './daemon-keys';
export { hasErrors } from './daemon-problems';
export type * from './daemon-model';
