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
import { credentialsFor, registryOf } from '../engine/registry-auth';
import type { EngineStreamHandle, StreamSink } from './stream-sink';

const SEND_EVERY_MS = 100;
const UNAUTHORIZED = /unauthorized|authentication required|incorrect username or password/i;

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

  let sentCredentials = false;
  const refused = (message: string): ReturnType<typeof mapPullError> => {
    const error = mapPullError(message, reference);
    // With credentials sent, the registry's "unauthorized" is about them, not a missing login.
    return sentCredentials && error.code === 'pull-access-denied' && UNAUTHORIZED.test(message)
      ? { ...error, code: 'registry-login-refused', params: { ...error.params, registry: registryOf(reference) } }
      : error.code === 'registry-login-needed'
        ? { ...error, params: { ...error.params, registry: registryOf(reference) } }
        : error;
  };

  void credentialsFor(live.dockerConfigDir, reference)
    .then((auth) => {
      if (finished) throw Object.assign(new Error('the pull was closed'), { name: 'AbortError' });
      sentCredentials = auth !== null;
      return live.client.open('/images/create', {
        method: 'POST',
        query: pullQuery(reference),
        signal: controller.signal,
        ...(auth ? { registryAuth: auth } : {}),
      });
    })
    .then((answer) => {
      response = answer as IncomingMessage;
      if (finished) return void response.destroy();
      const parser = new NdjsonParser();
      const take = (values: unknown[]): void => {
        for (const value of values) {
          if (finished || !value || typeof value !== 'object') continue;
          const message = value as JsonMessage;
          const problem = messageError(message);
          if (problem) return finish(refused(problem));
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
      finish(refused(engineMessage(error)));
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
