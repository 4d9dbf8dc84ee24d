// Elevation on Linux the platform's way: polkit's pkexec runs a small helper as root, which
// copies a file Silo prepared into place atomically and sends SIGHUP. Silo never sees, asks for
// or keeps a password: polkit's own agent asks the person. The helper is passed as an argument
// (not a file another process could change), and it checks the staged file's sha256 after
// copying it, so a file swapped in between is refused.
import type { BackendError } from '../../shared/backends/daemon-model';
import { commandWords, type CommandResult } from './command-runner';

export const PKEXEC = '/usr/bin/pkexec';

/** $1 staged file ('' to remove the target), $2 target, $3 sha256 of the staged file, $4 backup path ('' for none), $5 dockerd pid (0 for none). */
export const INSTALL_HELPER = `set -u
staged=$1 target=$2 sum=$3 backup=$4 pid=$5
dir=$(dirname -- "$target")
if [ -n "$backup" ] && [ -e "$target" ]; then
  cp -p -- "$target" "$backup.part" && sync -- "$backup.part" && mv -f -- "$backup.part" "$backup" || { rm -f -- "$backup.part"; exit 12; }
fi
if [ -z "$staged" ]; then
  rm -f -- "$target" || exit 14
else
  tmp=$(mktemp -- "$dir/.daemon.json.silo-XXXXXX") || exit 10
  trap 'rm -f -- "$tmp"' EXIT
  cat -- "$staged" > "$tmp" || exit 10
  [ "$(sha256sum -- "$tmp" | cut -d' ' -f1)" = "$sum" ] || exit 11
  if [ -e "$target" ]; then
    chmod --reference="$target" -- "$tmp" && chown --reference="$target" -- "$tmp" || exit 13
  else
    chmod 644 -- "$tmp" || exit 13
  fi
  sync -- "$tmp" || exit 10
  mv -f -- "$tmp" "$target" || exit 14
  trap - EXIT
fi
sync -- "$dir" 2>/dev/null
if [ "$pid" -gt 0 ]; then kill -HUP "$pid" || exit 15; fi
exit 0
`;

export interface ElevatedInstall {
  /** A file Silo wrote in a private folder; null removes the target. */
  stagedFile: string | null;
  targetFile: string;
  sha256: string;
  backupFile: string | null;
  /** dockerd's pid to send SIGHUP to, or null. */
  pid: number | null;
}

/** The exact argv Silo runs: pkexec /bin/sh -c HELPER silo-install-daemon-json … */
export function buildElevatedInstallCommand(install: ElevatedInstall, pkexec = PKEXEC): { file: string; args: string[] } {
  return {
    file: pkexec,
    args: [
      '/bin/sh',
      '-c',
      INSTALL_HELPER,
      'silo-install-daemon-json',
      install.stagedFile ?? '',
      install.targetFile,
      install.sha256,
      install.backupFile ?? '',
      String(install.pid ?? 0),
    ],
  };
}

export type HelperStage = 'backup' | 'write' | 'reload';

/** What an exit of the helper (through pkexec) means: null for success. */
export function elevatedOutcome(result: CommandResult): { error: BackendError; stage: HelperStage | null } | null {
  if (result.exitCode === 0 && !result.timedOut) return null;
  const detail = commandWords(result);
  switch (result.exitCode) {
    case 126:
      return { error: { code: 'elevation-dismissed', detail }, stage: null };
    case 127:
      return { error: { code: 'elevation-refused', detail }, stage: null };
    case 12:
      return { error: { code: 'elevation-failed', step: 'backup', detail: `the backup could not be written: ${detail}` }, stage: 'backup' };
    case 15:
      return { error: { code: 'elevation-failed', step: 'reload', detail: `dockerd could not be signalled: ${detail}` }, stage: 'reload' };
    case 11:
      return {
        error: { code: 'elevation-failed', step: 'write', detail: 'the prepared file changed before it was copied; nothing was written' },
        stage: 'write',
      };
    default:
      return { error: { code: 'elevation-failed', step: 'write', detail }, stage: 'write' };
  }
}
