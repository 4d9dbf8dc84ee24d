// 6. Isolation switch: one running container with a named volume, moved from runc to runsc.
// Silo's move (the `isolation.move` call through the host's WebSocket, once the host has
// it) against the same steps by hand with the docker CLI, in the same run: stop, rename,
// create with --runtime runsc, start, rm. gVisor is registered here with --network=none, so
// both containers run with --network none.
import { TEST_IMAGE } from '../../test/support/test-engine';
import type { Bench } from '../lib/bench';
import type { BenchContext } from '../lib/context';
import { fmtList, fmtMs, median, nowMs } from '../lib/measure';
import { waitQuiet } from '../lib/proc';
import { ratioOf, type Figure } from '../lib/report';
import { connectSilo, hostHasCall } from '../lib/silo-socket';

/** Writes into the volume, then waits; exits at once on SIGTERM (so `stop` costs no grace period). */
const COMMAND = ['sh', '-c', 'echo kept > /data/proof; trap "exit 0" TERM; sleep 86400 & wait'];

async function makeSubject(ctx: BenchContext, name: string): Promise<string> {
  await ctx.cli(['volume', 'create', `${name}-data`]);
  const { stdout } = await ctx.cli(['run', '-d', '--name', name, '--network', 'none', '-v', `${name}-data:/data`, TEST_IMAGE, ...COMMAND]);
  return stdout.trim();
}

async function runtimeOf(ctx: BenchContext, name: string): Promise<string> {
  return (await ctx.cli(['inspect', '-f', '{{.HostConfig.Runtime}} {{.State.Status}}', name])).stdout.trim();
}

async function removeSubject(ctx: BenchContext, name: string): Promise<void> {
  for (const n of [name, `${name}-old`]) await ctx.cli(['rm', '-f', n]).catch(() => undefined);
  await ctx.cli(['volume', 'rm', '-f', `${name}-data`]).catch(() => undefined);
}

export const isolationSwitch: Bench = {
  name: 'isolation-switch',
  title: 'isolation switch runc → runsc (one running container with a volume)',
  async run(ctx) {
    await ctx.scale();
    const reps = Math.min(ctx.options.reps, 3);

    const byHand: number[] = [];
    for (let i = 0; i < reps; i += 1) {
      const name = `bench-iso-cli-${i}`;
      await makeSubject(ctx, name);
      const started = nowMs();
      await ctx.cli(['stop', name]);
      await ctx.cli(['rename', name, `${name}-old`]);
      await ctx.cli(['create', '--name', name, '--runtime', 'runsc', '--network', 'none', '-v', `${name}-data:/data`, TEST_IMAGE, ...COMMAND]);
      await ctx.cli(['start', name]);
      await ctx.cli(['rm', `${name}-old`]);
      byHand.push(nowMs() - started);
      const now = await runtimeOf(ctx, name);
      if (now !== 'runsc running') throw new Error(`the CLI sequence left ${name} as ${now}`);
      await removeSubject(ctx, name);
    }
    ctx.log(`by hand with the docker CLI (5 commands): ${fmtList(byHand)}`);
    const reference = median(byHand);
    const refText = `${fmtMs(reference)} CLI`;

    const host = await ctx.host();
    const socket = await connectSilo(host);
    try {
      if (!(await hostHasCall(socket, 'isolation.move'))) {
        const reason = 'the move (`isolation.move` in src/shared/contract.ts, run by src/main/isolation) is not in the built host yet';
        ctx.log(`Silo: pending: ${reason}`);
        return [
          {
            bench: 'isolation-switch',
            figure: '6. isolation switch runc → runsc',
            silo: 'pending',
            reference: refText,
            ratio: null,
            target: '≤ 1.5×',
            verdict: 'pending',
            note: reason,
          },
        ];
      }
      await socket.call('session.start', {});
      const silo: number[] = [];
      const settled: number[] = [];
      /** ms per step (its `running` to its `done` progress event), per run. */
      const steps: Array<Map<string, number>> = [];
      let running = new Map<string, number>();
      let current = new Map<string, number>();
      /** The move's last event (`finish`): its settle time is over and the original removed, or rolled back. */
      const finished = new Map<string, { at: number; step: string }>();
      const off = socket.onEvent((event, payload) => {
        if (event !== 'isolation.progress') return;
        const p = payload as { phase?: string; step?: string; status?: string; containerId?: string };
        if (p.phase === 'finish' && p.containerId) finished.set(p.containerId, { at: nowMs(), step: p.step ?? '' });
        if (p.phase !== 'step' || !p.step) return;
        if (p.status === 'running') running.set(p.step, nowMs());
        else if (p.status === 'done' && running.has(p.step)) current.set(p.step, nowMs() - running.get(p.step)!);
      });
      for (let i = 0; i < reps; i += 1) {
        const name = `bench-iso-silo-${i}`;
        const id = await makeSubject(ctx, name);
        await waitQuiet(host.pid, { windowMs: 300, quietCpu: 0.005, timeoutMs: 10_000 });
        running = new Map();
        current = new Map();
        const started = nowMs();
        const reply = await socket.call('isolation.move', { ids: [id], target: 'runsc' });
        const ms = nowMs() - started;
        const now = await runtimeOf(ctx, name).catch((error: unknown) => String(error));
        // The answer comes once the new container runs; the settle time goes on behind it.
        for (let waited = 0; !finished.has(id) && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
        const finish = finished.get(id);
        steps.push(current);
        await removeSubject(ctx, name);
        if (finish) settled.push(finish.at - started);
        if (finish && finish.step !== 'moved') throw new Error(`Silo's move of ${name} ended ${finish.step} after its answer`);
        if (!reply.ok) {
          const reason = `isolation.move answered ${reply.error?.code}${reply.error?.field ? ` (${reply.error.field})` : ''}${reply.error?.detail ? `: ${reply.error.detail}` : ''}`;
          ctx.log(`Silo: pending: ${reason}`);
          return [
            {
              bench: 'isolation-switch',
              figure: '6. isolation switch runc → runsc',
              silo: 'pending',
              reference: refText,
              ratio: null,
              target: '≤ 1.5×',
              verdict: 'pending',
              note: reason,
            },
          ];
        }
        const report = reply.result as { ok?: boolean } | null;
        if (report?.ok !== true || now !== 'runsc running')
          throw new Error(`Silo's move did not end as expected: ok=${String(report?.ok)}, ${name} is ${now}: ${JSON.stringify(report)}`);
        silo.push(ms);
      }
      off();
      ctx.log(`Silo (isolation.move, call to answer): ${fmtList(silo)}`);
      ctx.log(`Silo (call to settled: the settle time over, the original removed): ${fmtList(settled)}`);
      const names = [...new Set(steps.flatMap((m) => [...m.keys()]))];
      const perStep = names.map((step) => `${step} ${fmtMs(median(steps.map((m) => m.get(step) ?? 0)))}`).join(', ');
      ctx.log(`Silo's steps (medians): ${perStep}`);
      const s = median(silo);
      const settle = median(steps.map((m) => m.get('verify-up') ?? 0));
      return [
        {
          bench: 'isolation-switch',
          figure: '6. isolation switch runc → runsc (median)',
          silo: fmtMs(s),
          reference: refText,
          ratio: ratioOf(s, reference),
          target: '≤ 1.5×',
          verdict: s <= 1.5 * reference ? 'met' : 'missed',
          note: `steps: ${perStep} (verify-up: until the new container runs); the settle time (the original kept until the new one has stayed up ${fmtMs(1500)}, watched in the engine's events) runs after the answer: call to settled ${fmtMs(median(settled))}; verify-up excluded ${fmtMs(s - settle)} = ${(ratioOf(s - settle, reference) ?? Number.NaN).toFixed(2)}× the CLI`,
        },
      ] satisfies Figure[];
    } finally {
      socket.close();
    }
  },
};
