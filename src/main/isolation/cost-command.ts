// What the cost probe runs: the container's own command, else the image's, else a fixed short one
// the image may have (`sh` kept open on stdin, then `true`). Never a create without a command
// (the engine's "No command specified"); when nothing can run, the probe says so plainly.
import type { RawContainerInspect } from '../../shared/engine-api';
import type { RawImageInspect } from './engine-ops';

export interface ProbeCommand {
  /** `container`, `image`, or the fixed one tried. */
  source: 'container' | 'image' | 'sh' | 'true';
  /** Fields of the create body: nothing set means the image's own. */
  body: { Entrypoint?: string[]; Cmd?: string[] };
  /** The command may end at once (`true`): exiting 0 is no failure, memory is then not read. */
  mayExit: boolean;
}

const filled = (list: readonly string[] | null | undefined): boolean => Array.isArray(list) && list.length > 0;

/** The commands to try, in order. */
export function probeCommands(container: Pick<RawContainerInspect, 'Config'> | null, image: Pick<RawImageInspect, 'Config'> | null): ProbeCommand[] {
  const out: ProbeCommand[] = [];
  const c = container?.Config;
  if (c && (filled(c.Entrypoint) || filled(c.Cmd))) {
    out.push({
      source: 'container',
      body: { ...(filled(c.Entrypoint) ? { Entrypoint: c.Entrypoint! } : {}), ...(filled(c.Cmd) ? { Cmd: c.Cmd! } : {}) },
      mayExit: true,
    });
  }
  const i = image?.Config;
  if (out.length === 0 && i && (filled(i.Entrypoint) || filled(i.Cmd))) out.push({ source: 'image', body: {}, mayExit: true });
  // Fixed short commands, for an image without one: a shell kept alive by its open stdin, then `true`.
  out.push({ source: 'sh', body: { Entrypoint: [''], Cmd: ['sh'] }, mayExit: false });
  out.push({ source: 'true', body: { Entrypoint: [''], Cmd: ['true'] }, mayExit: true });
  return out;
}

/** The engine could not find what the command names: try the next command. */
export function commandMissing(detail: string | undefined, exitCode: number | null): boolean {
  if (exitCode === 127 || exitCode === 126) return true;
  return /executable file not found|no such file or directory|not found in \$PATH|No command specified/i.test(detail ?? '');
}
