// The engine's rules for what a person types, shared by the create form and the main side.
export { problem, type FieldProblem, type ValidationRule } from './problem';
export { validateContainerName, validateNetworkName, isVolumeName, NAME_PATTERN } from './names';
export { parseImageReference, validateImageReference, isImageId, type ImageReference } from './image-ref';
export { parsePortSpec, validatePorts, isIpAddress, PORT_PROTOCOLS, type PortSpec } from './ports';
export { validateEnv, validateLabels, labelsToRecord, validateArgv } from './env';
export { parseVolumeSpec, validateVolumes, looksWindows, type VolumeSpec, type VolumeOs } from './volumes';
export { parseMemory, parseCpus, validateMemory, validateCpus, validateRestart, MIN_MEMORY_BYTES } from './resources';
export { splitCommandLine, type SplitResult } from './command-line';
export { validateCreateSpec, validateIsolation, WINDOWS_ISOLATIONS, type EngineFacts } from './create-spec';
