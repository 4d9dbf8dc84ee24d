// Well-known Docker named pipes on Windows (docs/isolation.md, "Docker Desktop on
// Windows"). Data only. dockerode names a pipe `//./pipe/<name>`; the docker CLI `npipe:////./pipe/<name>`.

export interface WellKnownPipe {
  flavor: string;
  name: string;
  /** The pipe's name under `\\.\pipe\`. */
  pipe: string;
}

/** The generic pipe: the active Docker Desktop engine, or a service-installed dockerd. */
export const WINDOWS_DEFAULT_PIPE = 'docker_engine';

export const WINDOWS_PIPES: readonly WellKnownPipe[] = [
  { flavor: 'docker-engine', name: 'Docker', pipe: WINDOWS_DEFAULT_PIPE },
  { flavor: 'desktop-linux', name: 'Docker Desktop (Linux containers)', pipe: 'dockerDesktopLinuxEngine' },
  { flavor: 'desktop-windows', name: 'Docker Desktop (Windows containers)', pipe: 'dockerDesktopWindowsEngine' },
];

/** `npipe:////./pipe/<name>`, the form DOCKER_HOST and contexts use. */
export function pipeHost(pipe: string): string {
  return `npipe:////./pipe/${pipe}`;
}

/** `//./pipe/<name>`, the form dockerode's socketPath takes. */
export function pipeSocketPath(pipe: string): string {
  return `//./pipe/${pipe}`;
}

/** `\\.\pipe\<name>`, the form Windows' file functions take to tell whether it exists. */
export function pipeFilePath(pipe: string): string {
  return `\\\\.\\pipe\\${pipe}`;
}
