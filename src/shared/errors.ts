// Errors cross every boundary as a code, optional parameters, and the engine's own words.
// The renderer turns the code into a sentence in the person's language (i18n `error.<code>`).

/** Codes of src/shared/backends and src/main/backends (BackendErrorCode), `step` says where an apply stopped. */
export const BACKEND_ERROR_CODES = [
  'config-invalid', // refused before anything was written; `problems` says why
  'config-changed-on-disk', // the file changed since the editor read it (`params.file`)
  'config-permission-denied', // Silo may not write the file: ask for elevation (`params.file`)
  'config-unreadable', // the current file could not be read
  'backup-failed',
  'write-failed',
  'reload-failed',
  'engine-not-running', // no dockerd process to signal, or the service is stopped
  'verify-timeout', // the engine did not show the new setting within the deadline
  'verify-failed', // the engine answered, but with another value
  'restore-failed',
  'elevation-dismissed', // the person closed the password dialog
  'elevation-refused', // polkit refused, or the password was wrong
  'elevation-unavailable', // no pkexec on this machine
  'elevation-failed', // the helper ran and failed (its step says where)
  'setting-locked', // an administrator locked this Docker Desktop setting
  'desktop-not-found',
  'desktop-settings-unreadable',
  'switch-not-offered', // this installation has no way to make that switch (`params.reason`)
  'command-failed', // a command Silo ran exited with an error; `detail` holds its words
  'engine-wait-timeout', // the engine did not come back within the deadline
  'wsl-unavailable',
  'context-name-invalid', // `params.name`
  'context-host-invalid', // `params.host`
  'context-ssh-user-option', // the ssh user begins with "-": ssh would take it as an option (`params.host`)
  'context-ssh-host-option', // the ssh host begins with "-": ssh would take it as an option (`params.host`)
  'context-tls-invalid', // `params.reason`: plain-tcp, ssh-has-no-tls, cert-without-key, key-does-not-match, not-pem, no-ca
  'context-exists', // `params.name`
  'context-not-found', // `params.name`
  'context-not-created-by-silo', // `params.name`
  'context-in-use', // `params.name`
  'context-write-failed',
  'config-not-editable', // Silo cannot change this engine's daemon.json (`params.reason`: remote, docker-desktop, not-found, unreadable)
  'weakening-not-acknowledged', // the new daemon.json weakens the engine's protection and the person did not acknowledge exactly that (`params.count`)
] as const;

export const ERROR_CODES = [
  'validation', // an argument failed its schema; `field` names it
  'unknown-call', // no such call in the contract
  'reserved-key', // a key JavaScript keeps for itself (`__proto__`) in a record; `field` names it, `params.key` is the key
  'engine-unreachable', // the socket or pipe does not answer
  'engine-permission-denied', // the socket exists but this user may not open it
  'engine-not-found', // no socket or pipe at that address
  'engine-timeout', // the engine took too long to answer
  'engine-api-too-old', // the engine's API is older than Silo can speak
  'no-engine', // no engine is selected or found
  'container-not-found',
  'must-stop-container', // removing a running container without force
  'container-not-running', // pause/kill/stop… on a stopped container
  'container-paused', // an action a paused container cannot take
  'container-already-paused',
  'container-not-paused',
  'removal-in-progress',
  'name-conflict',
  // The dashboard (logs, stats, terminal, images, volumes, networks, compose):
  'stream-not-found', // the stream was closed, ended, or belongs to another page
  'too-many-streams', // a page has opened more streams than Silo keeps at once (`params.limit`)
  'too-slow', // the page fell too far behind a stream (it read nothing for too long, or too much waited for it): the stream ended
  'busy', // the page has too many calls waiting for answers: this one was not run
  'no-shell', // the container has no shell Silo can start (`params.shell`: what was tried)
  'image-in-use', // a container uses the image (`params.container`); removing needs force, or cannot be forced while it runs
  'image-multiple-tags', // the image is referenced by several tags: remove a tag, or force
  'invalid-reference', // not an image reference (`params.reference`)
  'registry-unreachable', // the registry could not be reached (`params.reference`, `detail`)
  'registry-login-needed', // the registry asks for a login and the docker CLI's config has none for it (`params.registry`, `params.reference`)
  'docker-config-unwritable', // the docker CLI's config.json could not be read as JSON or written (`params.path`, `detail`)
  'credential-helper-failed', // docker-credential-<helper> store/erase failed (`params.helper`, `detail`)
  'registry-login-refused', // the registry refused the login stored for it (`params.registry`, `params.reference`)
  'pull-access-denied', // the registry refused: no such repository, or a login is needed (`params.reference`)
  'manifest-not-found', // the registry has no such tag or digest (`params.reference`)
  'invalid-archive', // a load or import got something that is not an image archive (`detail`)
  'file-not-readable', // a path to load from cannot be read (`params.path`, `detail`)
  'too-large', // an archive would unpack to more than the limit the person set (`params.limit`, e.g. `8 GB`)
  'archive-compression', // an archive (or a layer in it) is compressed in a way Silo cannot measure (`params.format`: bzip2, xz, zstd)
  'volume-not-found',
  'volume-in-use', // containers use it (`params.containers`: names joined by ", ", `params.count`); force removes them first
  'no-helper-image', // the engine has no image at all to make the helper container that reads a volume from
  'volume-files-windows', // a Windows engine: Silo reads volume files only on Linux engines
  'volume-path-invalid', // a path inside a volume with `..`, NUL or control characters, or too long (`params.reason`)
  'volume-path-not-found', // no such file or folder in the volume (`params.path`)
  'volume-path-symlink', // the path passes through a symlink, which could lead outside the volume (`params.path`)
  'volume-path-not-folder', // `params.path` is a file, not a folder
  'volume-path-not-file', // `params.path` is a folder, not a file
  'volume-exists', // a new volume (clone, import) would take a name another volume has (`params.name`)
  'volume-not-empty', // an import into a volume that holds files, without the person's choice of replace or merge (`params.name`)
  'volume-empty-failed', // emptying the volume for a replace failed: the helper image has no `sh`/`rm` (`params.name`, `params.image`)
  'archive-entry-refused', // a tar to import holds an entry Silo refuses (`params.entry`; `params.reason`: escape, through-symlink, device); nothing was written
  'network-not-found',
  'network-in-use', // containers are connected to it (`params.containers` when known)
  'network-predefined', // the engine's own networks (bridge, host, none, nat) cannot be removed
  'network-name-conflict', // a network with that name exists (`params.name`)
  'already-connected', // the container is already on that network
  'not-connected', // the container is not on that network
  'network-not-allowed', // the container's network mode (none, host, another container's) does not allow it
  'compose-project-not-found', // no container carries that project label (`params.project`)
  'unknown-runtime',
  'invalid-isolation',
  'engine-error', // any other error the engine returned; `detail` holds its words
  'internal', // a bug in Silo; `detail` says where
  // Choosing and changing isolation (src/main/isolation):
  'writable-layer-choice-required', // the container's writable layer holds changes: keep (commit) or discard, the person says; `params.name`, `params.changes`
  'recreate-blocked', // the plan has blockers (`params.name`, `params.blockers`: codes joined by commas)
  'operation-in-progress', // the container is already being moved (`params.name`)
  'container-not-up', // the new container did not come up (`params.state`: failed or pending)
  'runtime-not-choosable', // the engine makes every container under its default runtime (Podman's API): `params.runtime`, `params.default`
  'isolation-not-applied', // the engine made the container under another isolation than asked (`params.asked`, `params.got`)
  'image-not-found', // no local image by that reference (`params.image`)
  'engine-socket-refused', // a bind of the engine's socket or pipe without the person's explicit consent (`field`)
  'consent-needed', // choices that give root on the host without the person's consent: `params.settings` names them, `code.N`/`setting.N`/`path.N` each one
  'cost-probe-failed', // the timed test container could not be run (`params.runtime`, `detail`)
  'move-not-acknowledged', // a move with "will not work as before" findings not acknowledged (`params.name`, `params.limits`)
  'cost-no-command', // the image has no command and none of the fixed short ones (`params.image`)
  // Engine-wide settings and backends (daemon.json, Docker Desktop, WSL, remote engines):
  ...BACKEND_ERROR_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SiloError {
  code: ErrorCode;
  /** The field a validation error is about (`ids.0`, `action`). */
  field?: string;
  /** Values the sentence needs (a container name, a runtime). */
  params?: Record<string, string | number>;
  /** The original words of the engine or the system, for the details disclosure. */
  detail?: string;
  /** Backends: the step of an apply or switch where it stopped (`validate`, `write`, `reload`…). */
  step?: string;
}

export function siloError(code: ErrorCode, extra: Omit<SiloError, 'code'> = {}): SiloError {
  return { code, ...extra };
}

/** An Error that carries a SiloError across async boundaries inside one process. */
export class SiloFailure extends Error {
  constructor(readonly error: SiloError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code);
    this.name = 'SiloFailure';
  }
}

export function isSiloError(value: unknown): value is SiloError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code)
  );
}

/** Never throws, whatever was thrown: a reply must always come back. */
export function toSiloError(error: unknown, onInternalError: (error: unknown) => void = () => undefined): SiloError {
  if (error instanceof SiloFailure) return error.error;
  if (isSiloError(error)) return error;
  try {
    onInternalError(error);
  } catch {
    // A failing logger must not turn a reply into a crash.
  }
  return siloError('internal', { detail: describeThrown(error) });
}

function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return Object.prototype.toString.call(error); // an object with no way to become a string
  }
}
