// Engine-wide settings and backends: an engine's daemon.json (read, check, the safe apply, the
// elevated apply, the default runtime or Windows isolation), Docker Desktop (state, backend and
// container switches), WSL, and remote engines stored as docker contexts. contract.ts spreads
// these in, so every host validates and serves them like the rest.
//
// Every daemon.json change names the sha256 of the file as the page read it: a file changed
// meanwhile is refused (`config-changed-on-disk`). Progress comes as `backends.daemon.progress` and
// `backends.desktop.progress` events to the page that asked.
import { z } from 'zod';
import type { BACKEND_ERROR_CODES, ErrorCode } from './errors';
import type {
  ContextResult,
  DaemonApplyResult,
  DaemonProgress,
  DaemonRead,
  DaemonValidation,
  DesktopProgress,
  DesktopSwitchResult,
  DockerDesktopState,
  EngineContext,
  EngineDefaults,
  WslReport,
} from './model/backends';
import type { BACKENDS_EVENT_NAMES } from './events-backends';
import { MAX_CONFIG_TEXT } from './backends/daemon-validate';

const EngineId = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^(unix|npipe|tcp|ssh|http|https):\/\//, 'an engine address starts with unix://, npipe://, tcp://, ssh:// or http(s)://');
const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a sha256 in lowercase hexadecimal');
/** A whole daemon.json. */
const ConfigText = z.string().max(MAX_CONFIG_TEXT);
const RuntimeName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/, 'a runtime name');
/** The ids of the weakenings the person acknowledged (backends/weakenings.ts): exactly those the new file brings. */
const Acknowledged = z.array(z.string().min(1).max(8192)).max(64).optional();
const Pem = z.string().min(1).max(65_536);
/** The docker CLI's rule for a context name. */
const ContextName = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/, 'a context name: letters, digits, _ . + -');
const NoArgs = z.object({}).strict();

export const backendsCallSchemas = {
  /** The engine's daemon.json as it is on disk, with its sha256 and problems; or why Silo cannot change it. */
  'backends.daemon.read': z.object({ engine: EngineId }).strict(),
  /** The pure rules plus what only main can check (runtime binaries on disk), and the changes from the file on disk. */
  'backends.daemon.validate': z.object({ engine: EngineId, text: ConfigText }).strict(),
  /** The safe apply: validate, back up, write atomically, reload, read GET /info back; roll back if it does not show. */
  'backends.daemon.apply': z.object({ engine: EngineId, text: ConfigText, baseSha256: Sha256, acknowledged: Acknowledged }).strict(),
  /** The same, through the platform's elevation (pkexec) after `needs-elevation`. */
  'backends.daemon.applyElevated': z.object({ engine: EngineId, text: ConfigText, baseSha256: Sha256, acknowledged: Acknowledged }).strict(),
  /** `default-runtime` changed in the file on disk (every other byte kept), then the safe apply. */
  'backends.daemon.setDefaultRuntime': z.object({ engine: EngineId, runtime: RuntimeName, baseSha256: Sha256, acknowledged: Acknowledged }).strict(),
  /** A Windows service engine's `exec-opts` isolation, then the safe apply (a service restart). */
  'backends.daemon.setWindowsIsolation': z
    .object({ engine: EngineId, mode: z.enum(['process', 'hyperv']), baseSha256: Sha256, acknowledged: Acknowledged })
    .strict(),

  /** Docker Desktop: installed, version, backend and container platform, what may be switched. */
  'backends.desktop.state': NoArgs,
  /** WSL 2 ⇄ Hyper-V. Images and containers do not carry over: the person said they know. */
  'backends.desktop.switchBackend': z.object({ target: z.enum(['wsl2', 'hyperv']), dataDoesNotCarryOver: z.literal(true) }).strict(),
  /** Linux ⇄ Windows containers, with the command this installation has. */
  'backends.desktop.switchContainers': z.object({ target: z.enum(['linux', 'windows']) }).strict(),
  /** WSL distributions with state, version and Docker integration (`wsl.exe -l -v`). */
  'backends.wsl.list': NoArgs,

  /** The docker contexts, which Silo created, which is current. */
  'engines.contexts': NoArgs,
  /** One fresh GET /info of an engine (active or not): its default isolation. Asked by the person, never polled. */
  'engines.describe': z.object({ id: EngineId }).strict(),
  /** A remote engine (tcp with TLS, or ssh) stored as a docker context; then discovery runs again. */
  'engines.addRemote': z
    .object({
      name: ContextName,
      description: z.string().max(200).optional(),
      host: z
        .string()
        .min(1)
        .max(2048)
        .regex(/^(tcp|ssh):\/\//, 'a remote engine is tcp://host:port or ssh://user@host'),
      tls: z.object({ ca: Pem.optional(), cert: Pem.optional(), key: Pem.optional(), skipVerify: z.boolean().optional() }).strict().optional(),
    })
    .strict(),
  /** A context Silo created, moved into a backup folder; then discovery runs again. */
  'engines.removeRemote': z.object({ name: ContextName }).strict(),
} as const;

export interface BackendsResults {
  'backends.daemon.read': DaemonRead;
  'backends.daemon.validate': DaemonValidation;
  'backends.daemon.apply': DaemonApplyResult;
  'backends.daemon.applyElevated': DaemonApplyResult;
  'backends.daemon.setDefaultRuntime': DaemonApplyResult;
  'backends.daemon.setWindowsIsolation': DaemonApplyResult;
  'backends.desktop.state': DockerDesktopState;
  'backends.desktop.switchBackend': DesktopSwitchResult;
  'backends.desktop.switchContainers': DesktopSwitchResult;
  'backends.wsl.list': WslReport;
  'engines.contexts': EngineContext[];
  'engines.describe': EngineDefaults;
  'engines.addRemote': ContextResult;
  'engines.removeRemote': ContextResult;
}

export interface BackendsEvents {
  /** Before each step of a daemon.json apply (and of its rollback). */
  'backends.daemon.progress': DaemonProgress;
  /** A Docker Desktop switch: writing, restarting, waiting for the engine, verifying, done. */
  'backends.desktop.progress': DesktopProgress;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameCalls: Same<keyof BackendsResults, keyof typeof backendsCallSchemas> = true;
const _sameEvents: Same<keyof BackendsEvents, (typeof BACKENDS_EVENT_NAMES)[number]> = true;
// The backends' errors are SiloErrors: every code they use is in ERROR_CODES.
const _codesFolded: (typeof BACKEND_ERROR_CODES)[number] extends ErrorCode ? true : false = true;
void _sameCalls;
void _sameEvents;
void _codesFolded;
