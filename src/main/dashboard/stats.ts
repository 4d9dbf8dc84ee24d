// Live `docker stats` of one container from the engine's own stream
// (GET /containers/{id}/stats?stream=1, about one sample a second): asked for only while a page
// looks, closed with its stream. When the container stops the engine sends zeroed samples
// (read time 0001-01-01), and Docker 20.10 goes on sending one a second for as long as the
// connection stays: the first zeroed sample ends the stream (dropped, the end passed on).
import { SiloFailure, siloError } from '../../shared/errors';
import { computeStats, isZeroTime, type RawStats } from '../../shared/stats/compute';
import { engineCall, inspectContainer } from './engine-calls';
import { mapConnectionError } from '../engine/errors';
import type { LiveEngine } from '../engine/live';
import { NdjsonParser } from '../util/ndjson';
import { responseHandle, type EngineStreamHandle, type StreamSink } from './stream-sink';

export async function openStats(live: LiveEngine, id: string, sink: StreamSink): Promise<EngineStreamHandle> {
  const raw = await inspectContainer(live, id);
  // A stopped container's stats stream stays open and silent: say why instead.
  if (raw.State?.Running !== true) throw new SiloFailure(siloError('container-not-running', { params: { name: (raw.Name ?? id).replace(/^\//, '') } }));
  const osType = live.info?.osType ?? 'linux';
  const controller = new AbortController();
  const response = await engineCall(live, () =>
    live.client.stream(`/containers/${encodeURIComponent(id)}/stats`, { query: { stream: true }, signal: controller.signal }),
  );
  const parser = new NdjsonParser();
  let finished = false;
  const deliver = (values: unknown[]): void => {
    for (const value of values) {
      if (finished || !value || typeof value !== 'object') continue;
      const sample = value as RawStats;
      if (isZeroTime(sample.read)) return finish(null);
      sink.data({ kind: 'stats', sample: computeStats(sample, osType) });
    }
  };
  const finish = (error: Error | null): void => {
    if (finished) return;
    finished = true;
    response.destroy();
    sink.end(error ? mapConnectionError(error) : null);
  };
  response.on('data', (chunk: Buffer) => deliver(parser.push(chunk).values));
  response.on('end', () => finish(null));
  response.on('close', () => finish(response.complete ? null : Object.assign(new Error('the stats stream closed'), { code: 'ECONNRESET' })));
  response.on('error', (error: Error) => finish(error));
  return responseHandle(response, controller, () => {
    finished = true;
  });
}
