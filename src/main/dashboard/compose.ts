// Start, stop or restart every container of a compose project (label com.docker.compose.project),
// a few at a time, one progress event per container. Closing the stream starts no more.
import { SiloFailure, siloError } from '../../shared/errors';
import { mapBounded } from '../util/limiter';
import type { LiveEngineSource } from '../engine/live';
import type { EngineStreamHandle, StreamSink } from './stream-sink';

export type ComposeAction = 'start' | 'stop' | 'restart';

export function actOnProject(
  source: LiveEngineSource,
  project: string,
  action: ComposeAction,
  sink: StreamSink,
  concurrency = 4,
): { handle: EngineStreamHandle; total: number } {
  const live = source.live();
  if (!live) throw new SiloFailure(siloError('no-engine'));
  const ids = live
    .containers()
    .filter((c) => c.composeProject === project)
    .sort((a, b) => (a.composeService ?? a.name).localeCompare(b.composeService ?? b.name))
    .map((c) => c.id);
  if (ids.length === 0) throw new SiloFailure(siloError('compose-project-not-found', { params: { project } }));
  let cancelled = false;
  let done = 0;
  // Started on the next turn, so the page has the stream id before the first progress event.
  setImmediate(() => {
    void mapBounded(ids, concurrency, async (id) => {
      if (cancelled) return;
      const [outcome] = await source.act([id], action, {});
      done += 1;
      if (!cancelled && outcome) sink.data({ kind: 'progress', done, total: ids.length, outcome });
    }).then(
      () => {
        if (!cancelled) sink.end(null);
      },
      (error: unknown) => {
        if (!cancelled) sink.end(siloError('internal', { detail: (error as Error).message }));
      },
    );
  });
  return { total: ids.length, handle: { close: () => void (cancelled = true) } };
}
