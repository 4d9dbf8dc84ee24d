// Pull with per-layer progress and a total (POST /images/create?fromImage=…), sent at most every
// 100 ms and once at the end. Closing the stream aborts the request: the engine cancels a pull
// whose client has gone. The request starts in the background, so a registry that never answers
// cannot keep the page from getting its stream id (and cancelling).
import type { IncomingMessage } from 'node:http';
import { messageError, type JsonMessage } from '../../shared/dashboard/json-message';
import { applyPullMessage, newPull, pullProgress, pullQuery } from '../../shared/dashboard/pull-progress';
import { mapPullError } from './errors';
import { engineMessage, isConnectionError, mapConnectionError } from '../engine/errors';
import type { LiveEngine } from '../engine/live';
import { NdjsonParser } from '../util/ndjson';
import type { EngineStreamHandle, StreamSink } from './stream-sink';

const SEND_EVERY_MS = 100;

export function pullImage(live: LiveEngine, reference: string, sink: StreamSink, sendEveryMs = SEND_EVERY_MS): EngineStreamHandle {
  const controller = new AbortController();
  const state = newPull(reference);
  let finished = false;
  let timer: NodeJS.Timeout | null = null;
  let response: IncomingMessage | null = null;
  /** Paused by the page's flow: progress is not sent (the latest goes on resume). */
  let held = false;
  let unsent = false;

  const send = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    unsent = held;
    if (!finished && !held) sink.data({ kind: 'pull', progress: pullProgress(state) });
  };
  const finish = (error: ReturnType<typeof mapPullError> | null): void => {
    if (finished) return;
    held = false;
    if (!error) send();
    finished = true;
    if (timer) clearTimeout(timer);
    response?.destroy();
    sink.end(error);
  };

  void live.client
    .open('/images/create', { method: 'POST', query: pullQuery(reference), signal: controller.signal })
    .then((answer) => {
      response = answer as IncomingMessage;
      if (finished) return void response.destroy();
      const parser = new NdjsonParser();
      const take = (values: unknown[]): void => {
        for (const value of values) {
          if (finished || !value || typeof value !== 'object') continue;
          const message = value as JsonMessage;
          const problem = messageError(message);
          if (problem) return finish(mapPullError(problem, reference));
          applyPullMessage(state, message);
        }
        timer ??= setTimeout(send, sendEveryMs);
      };
      response.on('data', (chunk: Buffer) => take(parser.push(chunk).values));
      response.on('end', () => {
        take(parser.end().values);
        finish(null);
      });
      response.on('close', () =>
        finish(response?.complete ? null : mapConnectionError(Object.assign(new Error('the pull stream was cut'), { code: 'ECONNRESET' }))),
      );
      response.on('error', (error: Error) => finish(mapConnectionError(error)));
    })
    .catch((error: unknown) => {
      if (finished) return;
      if (isConnectionError(error)) {
        live.lost(error);
        return finish(mapConnectionError(error));
      }
      finish(mapPullError(engineMessage(error), reference));
    });

  return {
    close() {
      finished = true;
      if (timer) clearTimeout(timer);
      controller.abort();
      response?.destroy();
    },
    pause() {
      held = true;
    },
    resume() {
      held = false;
      if (unsent) send();
    },
  };
}
