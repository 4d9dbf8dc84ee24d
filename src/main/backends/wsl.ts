// WSL distributions as `wsl.exe -l -v` lists them, and which have Docker Desktop's integration.
// On a pipe wsl.exe writes UTF-16LE (with or without a BOM) unless WSL_UTF8=1 makes it UTF-8
// (microsoft/WSL#4607). Its table is `  NAME  STATE  VERSION` with `*` marking the default; the
// header and the states are localized, so rows are read by shape, not by header words.
import type { WslDistro, WslReport, WslState } from '../../shared/backends/platform-model';
import { commandWords, isMissingProgram, type CommandRunner } from './command-runner';

export interface WslRow {
  name: string;
  stateText: string;
  state: WslState;
  version: number | null;
  isDefault: boolean;
}

/** Decode wsl.exe's bytes: UTF-16LE with or without BOM, or UTF-8 (WSL_UTF8=1). */
export function decodeWslOutput(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (looksUtf16le(bytes)) return bytes.toString('utf16le').replace(/^\ufeff/, '');
  return bytes.toString('utf8').replace(/\0/g, '');
}

/** ASCII text in UTF-16LE has a NUL in most odd bytes. */
function looksUtf16le(bytes: Buffer): boolean {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs === 0) return false;
  let zeros = 0;
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zeros++;
  return zeros >= pairs / 2;
}

const STATES: Record<string, WslState> = {
  running: 'running',
  stopped: 'stopped',
  installing: 'installing',
  converting: 'converting',
  uninstalling: 'uninstalling',
};

/** The rows of `wsl.exe -l -v`; the header and any message line are skipped. */
export function parseWslList(text: string): WslRow[] {
  const rows: WslRow[] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const match = /^\s*(\*)?\s*(\S+)\s+(.+?)\s+(\d+)\s*$/.exec(line);
    if (!match) continue;
    const stateText = (match[3] as string).trim();
    rows.push({
      name: match[2] as string,
      stateText,
      state: Object.hasOwn(STATES, stateText.toLowerCase()) ? (STATES[stateText.toLowerCase()] as WslState) : 'other',
      version: Number(match[4]),
      isDefault: match[1] === '*',
    });
  }
  return rows;
}

export interface DockerIntegrationSettings {
  /** `integratedWslDistros`, or null when the settings file could not be read. */
  integratedWslDistros: string[] | null;
  enableIntegrationWithDefaultWslDistro: boolean | null;
}

const DOCKER_DISTROS = ['docker-desktop', 'docker-desktop-data'];

export function withDockerIntegration(rows: readonly WslRow[], settings: DockerIntegrationSettings | null): WslDistro[] {
  const integrated = new Set((settings?.integratedWslDistros ?? []).map((n) => n.toLowerCase()));
  const withDefault = settings?.enableIntegrationWithDefaultWslDistro === true;
  return rows.map((row) => {
    const dockerInternal = DOCKER_DISTROS.includes(row.name.toLowerCase());
    return { ...row, dockerInternal, dockerIntegration: !dockerInternal && (integrated.has(row.name.toLowerCase()) || (row.isDefault && withDefault)) };
  });
}

export interface ListWslOptions {
  runner: CommandRunner;
  /** `%SystemRoot%\System32\wsl.exe`. */
  wslExe: string;
  settings: DockerIntegrationSettings | null;
}

export async function listWslDistros(options: ListWslOptions): Promise<WslReport> {
  let result;
  try {
    result = await options.runner.run(options.wslExe, ['-l', '-v'], { timeoutMs: 30_000 });
  } catch (error) {
    return { available: false, distros: [], message: isMissingProgram(error) ? null : (error as Error).message, integrationKnown: false };
  }
  const text = decodeWslOutput(result.stdout);
  const rows = parseWslList(text);
  const message = rows.length === 0 ? text.trim() || decodeWslOutput(result.stderr).trim() || commandWords(result) : null;
  return { available: true, distros: withDockerIntegration(rows, options.settings), message, integrationKnown: options.settings?.integratedWslDistros != null };
}

export function wslExeFor(env: NodeJS.ProcessEnv): string {
  return `${env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows'}\\System32\\wsl.exe`;
}
