// The move's answer as it stands now. Silo answers a move once the new containers run and waits
// out their settle time behind it (src/main/isolation/settle.ts); each container's last progress
// event (`finish`) then tells how it really ended. A later outcome (a new container that died and
// was rolled back, an old one left over) replaces what the answer said.
import type { MoveProgress, MoveReport } from '../../../shared/model/move';

const OUTCOMES = new Set(['moved', 'restored', 'unchanged', 'unrecovered']);

export function settledReport(report: MoveReport | null, events: readonly MoveProgress[]): MoveReport | null {
  if (report === null) return null;
  const finish = new Map<string, MoveProgress>();
  for (const event of events) if (event.phase === 'finish' && OUTCOMES.has(event.step)) finish.set(event.containerId, event);
  if (finish.size === 0) return report;
  let ok = true;
  const groups = report.groups.map((group) => {
    const containers = group.containers.map((container) => {
      const last = finish.get(container.id);
      if (!last || last.step === container.outcome) return container;
      const outcome = last.step as MoveReport['groups'][number]['containers'][number]['outcome'];
      const failed = outcome === 'restored' || outcome === 'unrecovered';
      return {
        ...container,
        outcome,
        newId: failed ? null : container.newId,
        failedStep: failed ? 'verify-up' : container.failedStep,
        error: last.error ?? container.error,
      };
    });
    const groupOk = group.ok && containers.every((c) => c.outcome === 'moved' || c.outcome === 'unchanged');
    ok &&= groupOk;
    return { ...group, ok: groupOk, containers };
  });
  return { ...report, ok: report.ok && ok, groups };
}
