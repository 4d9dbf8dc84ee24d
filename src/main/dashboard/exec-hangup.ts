// A closed terminal's shell is ended the way a closing terminal ends it: a second exec in the same
// container sends SIGHUP (and SIGCONT) to every process of the shell's session, and SIGKILL to
// what is left after a grace period (shared/dashboard/hangup.ts says why and how). The execs run
// detached; a container that has gone meanwhile makes them fail, which is fine: its processes
// went with it.
import { hangupCommand } from '../../shared/dashboard/hangup';
import { CALL_DEADLINE_MS } from './engine-calls';
import type { LiveEngine } from '../engine/live';

/** How long the session has to end on SIGHUP before what is left is killed. */
export const HANGUP_GRACE_MS = 1500;

async function runDetached(live: LiveEngine, containerId: string, cmd: string[]): Promise<void> {
  const body = { AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, Cmd: cmd };
  const created = await live.client.post<{ Id: string }>(`/containers/${encodeURIComponent(containerId)}/exec`, {
    body,
    signal: AbortSignal.timeout(CALL_DEADLINE_MS),
  });
  await live.client.post(`/exec/${created.Id}/start`, { body: { Detach: true, Tty: false }, signal: AbortSignal.timeout(CALL_DEADLINE_MS) });
}

/** Pending hang-ups, so a host that stops can let them be sent first. */
const pending = new Set<Promise<void>>();

/** End the session of `pid` (a pid inside the container) through `shell`; never rejects. */
export function hangUp(live: LiveEngine, containerId: string, shell: string, pid: number, log: (line: string) => void = () => undefined): Promise<void> {
  const run = (async () => {
    await runDetached(live, containerId, hangupCommand(shell, pid, 'HUP'));
    await new Promise((resolve) => setTimeout(resolve, HANGUP_GRACE_MS).unref());
    await runDetached(live, containerId, hangupCommand(shell, pid, 'KILL'));
  })().catch((error: unknown) => log(`terminal hang-up in ${containerId.slice(0, 12)}: ${(error as Error).message}`));
  pending.add(run);
  void run.finally(() => pending.delete(run));
  return run;
}

/** Wait (at most `timeoutMs`) for every hang-up under way. */
export async function settleHangups(timeoutMs = HANGUP_GRACE_MS + 2500): Promise<void> {
  if (pending.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([Promise.all([...pending]), timeout]);
  clearTimeout(timer);
}
