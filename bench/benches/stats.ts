// 4. Stats: live stats of the 20 running containers for a minute. Silo's CPU (the browser host
// process) against `docker stats`' CPU (the CLI process) over the same containers and time.
// Silo's side opens the dashboard's stats streams (`stats.open`, one per container, data as
// `stream.data` events) through the host's WebSocket, as a page would; a host without the call
// leaves the figure pending and only the reference is measured.
import { spawn } from 'node:child_process';
import type { Bench } from '../lib/bench';
import { scaleName, SCALE_RUNNING } from '../lib/context';
import { sleep } from '../lib/measure';
import { cpuMeter, cpuSeconds } from '../lib/proc';
import { ratioOf, type Figure } from '../lib/report';
import { connectSilo, hostHasCall } from '../lib/silo-socket';

export const stats: Bench = {
  name: 'stats',
  title: 'live stats of 20 running containers',
  async run(ctx) {
    await ctx.scale();
    const seconds = ctx.options.statsSeconds;
    const names = Array.from({ length: SCALE_RUNNING }, (_, i) => scaleName(i + 1));
    const enginePid = ctx.engine.pid();

    // The reference: the CLI streaming the same 20 containers, its output read and dropped.
    const cli = spawn('docker', ['stats', ...names], { env: ctx.engine.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    cli.stdout.on('data', (d: Buffer) => (lines += d.toString().split('\n').length - 1));
    const engineCpu0 = enginePid ? cpuSeconds(enginePid) : Number.NaN;
    const cliMeter = cpuMeter(cli.pid!);
    await sleep(seconds * 1000);
    const reference = cliMeter.stop();
    const engineForCli = enginePid ? cpuSeconds(enginePid) - engineCpu0 : Number.NaN;
    const gone = new Promise((resolve) => cli.once('exit', resolve));
    cli.kill('SIGTERM');
    const killer = setTimeout(() => cli.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(killer);
    ctx.log(
      `docker stats over ${names.length} containers: ${(reference.cpu * 1000).toFixed(0)} ms CPU in ${reference.wall.toFixed(1)} s (${lines} lines); the engine meanwhile: ${(engineForCli * 1000).toFixed(0)} ms`,
    );

    const host = await ctx.host();
    const socket = await connectSilo(host);
    const refText = `${(reference.cpu * 1000).toFixed(0)} ms docker stats`;
    try {
      if (!(await hostHasCall(socket, 'stats.open'))) {
        const reason = 'the dashboard stats stream (`stats.open`, src/shared/contract-dashboard.ts) is not in the built host yet';
        ctx.log(`Silo: pending: ${reason}`);
        return [
          {
            bench: 'stats',
            figure: `4. stats ${seconds} s, 20 running: CPU`,
            silo: 'pending',
            reference: refText,
            ratio: null,
            target: '≤ 1×',
            verdict: 'pending',
            note: reason,
          },
        ];
      }
      let received = 0;
      const off = socket.onEvent((event, payload) => {
        if (event === 'stream.data' && (payload as { kind?: string }).kind === 'stats') received += 1;
      });
      const ids = await Promise.all(names.map(async (name) => (await ctx.cli(['inspect', '-f', '{{.Id}}', name])).stdout.trim()));
      const engineCpu1 = enginePid ? cpuSeconds(enginePid) : Number.NaN;
      const meter = cpuMeter(host.pid);
      // One stream per container, as the CLI does: what a page showing all 20 would open.
      const streamIds: string[] = [];
      for (const id of ids) {
        const opened = await socket.call('stats.open', { id });
        if (!opened.ok) {
          off();
          for (const streamId of streamIds) await socket.call('stream.close', { streamId });
          const reason = `stats.open answered ${opened.error?.code}${opened.error?.field ? ` (${opened.error.field}: ${opened.error.detail ?? ''})` : ''}: the benchmark must follow its contract`;
          ctx.log(`Silo: pending: ${reason}`);
          return [
            {
              bench: 'stats',
              figure: `4. stats ${seconds} s, 20 running: CPU`,
              silo: 'pending',
              reference: refText,
              ratio: null,
              target: '≤ 1×',
              verdict: 'pending',
              note: reason,
            },
          ];
        }
        streamIds.push((opened.result as { streamId: string }).streamId);
      }
      await sleep(seconds * 1000);
      const silo = meter.stop();
      const engineForSilo = enginePid ? cpuSeconds(enginePid) - engineCpu1 : Number.NaN;
      off();
      for (const streamId of streamIds) await socket.call('stream.close', { streamId });
      ctx.log(
        `Silo over ${names.length} containers: ${(silo.cpu * 1000).toFixed(0)} ms CPU in ${silo.wall.toFixed(1)} s (${received} stats events); the engine meanwhile: ${(engineForSilo * 1000).toFixed(0)} ms`,
      );
      return [
        {
          bench: 'stats',
          figure: `4. stats ${seconds} s, 20 running: CPU`,
          silo: `${(silo.cpu * 1000).toFixed(0)} ms`,
          reference: refText,
          ratio: ratioOf(silo.cpu, reference.cpu),
          target: '≤ 1×',
          verdict: silo.cpu <= reference.cpu ? 'met' : 'missed',
          note: `engine CPU meanwhile: ${(engineForSilo * 1000).toFixed(0)} ms with Silo, ${(engineForCli * 1000).toFixed(0)} ms with docker stats`,
        },
      ] satisfies Figure[];
    } finally {
      socket.close();
    }
  },
};
