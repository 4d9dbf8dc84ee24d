// Which shell a terminal runs in a container: `/bin/sh` in a Linux container; in a Windows
// container PowerShell where the image has it and `cmd.exe` otherwise (Nano Server has no
// Windows PowerShell since 1709; Server Core and Windows images do). The engine decides in the
// end: a candidate it cannot start is skipped for the next. Pure.

export interface ShellChoiceInput {
  /** The engine's OSType (`linux`, `windows`). */
  engineOsType: string;
  /** The container's `Platform` from inspect, when given (`linux`, `windows`). */
  containerPlatform?: string | null;
  /** The container's image reference (Config.Image). */
  image?: string | null;
}

export interface ShellCandidate {
  /** The argument vector of the exec. */
  cmd: string[];
  /** Environment for the exec (TERM for Linux shells). */
  env: string[];
}

export function containerPlatform(input: ShellChoiceInput): 'linux' | 'windows' {
  const platform = (input.containerPlatform || input.engineOsType || 'linux').toLowerCase();
  return platform === 'windows' ? 'windows' : 'linux';
}

export function shellCandidates(input: ShellChoiceInput): ShellCandidate[] {
  if (containerPlatform(input) === 'linux') return [{ cmd: ['/bin/sh'], env: ['TERM=xterm-256color'] }];
  const image = (input.image ?? '').toLowerCase();
  const cmd: ShellCandidate = { cmd: ['cmd.exe'], env: [] };
  // PowerShell (pwsh) images ship pwsh.exe, on Nano Server too.
  if (/(^|\/)powershell(:|@|$)/.test(image)) return [{ cmd: ['pwsh.exe', '-NoLogo'], env: [] }, cmd];
  if (/nanoserver/.test(image)) return [cmd];
  return [{ cmd: ['powershell.exe', '-NoLogo'], env: [] }, cmd];
}

/**
 * The engine could not start the shell: its words, as a runc (Linux) or HCS (Windows) error.
 * Exit code 126/127 with no process is the engine's own signal of the same.
 */
export function isMissingShell(output: string, exitCode: number | null): boolean {
  const text =
    /OCI runtime exec failed|executable file not found|no such file or directory|system cannot find the file specified|not recognized as an internal or external command/i.test(
      output,
    );
  return text || exitCode === 126 || exitCode === 127;
}
