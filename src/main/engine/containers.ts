// The container calls of the Engine API: list, inspect (with a deadline: it has been seen never
// to return, dockerode #78) and the actions. Failures come back as SiloFailures.
import type { ActionOutcome } from '../../shared/contract';
import type { RawContainerInspect, RawContainerListItem } from '../../shared/engine-api';
import { SiloFailure, type SiloError } from '../../shared/errors';
import type { ContainerAction } from '../../shared/model/container';
import type { ActOptions } from './types';
import type { EngineClient } from './connection/client';
import { mapEngineError } from './errors';
import { withRealRuntime } from './podman-runtime';
import { mapBounded } from '../util/limiter';

export interface ContainerApiOptions {
  listDeadlineMs?: number;
  inspectDeadlineMs?: number;
  /** Actions may legitimately take long (stop waits for the container's grace period). */
  actionDeadlineMs?: number;
}

export class ContainerApi {
  constructor(
    private readonly client: EngineClient,
    private readonly options: ContainerApiOptions = {},
  ) {}

  async list(): Promise<RawContainerListItem[]> {
    try {
      return await this.client.get<RawContainerListItem[]>('/containers/json', {
        query: { all: true },
        signal: AbortSignal.timeout(this.options.listDeadlineMs ?? 30_000),
      });
    } catch (error) {
      throw new SiloFailure(mapEngineError(error));
    }
  }

  /** The container, or null when the engine no longer has it. */
  async inspect(id: string): Promise<RawContainerInspect | null> {
    const deadlineMs = this.options.inspectDeadlineMs ?? 10_000;
    try {
      const raw = await this.client.get<RawContainerInspect>(`/containers/${encodeURIComponent(id)}/json`, {
        signal: AbortSignal.timeout(deadlineMs),
      });
      return await withRealRuntime(this.client, raw, deadlineMs);
    } catch (error) {
      const mapped = mapEngineError(error);
      if (mapped.code === 'container-not-found') return null;
      throw new SiloFailure(mapped);
    }
  }

  /**
   * One action on one container; 304 (already started or stopped) is success, and so is removing
   * a container that is already gone (`gone`): that is the outcome the person asked for.
   */
  async act(id: string, action: ContainerAction, options: ActOptions = {}, name?: string): Promise<'done' | 'gone'> {
    const path = `/containers/${encodeURIComponent(id)}`;
    const signal = AbortSignal.timeout(this.options.actionDeadlineMs ?? 120_000);
    try {
      if (action === 'remove') {
        await this.client.delete(path, { query: { v: Boolean(options.removeVolumes), force: Boolean(options.force) }, signal });
      } else {
        await this.client.post(`${path}/${action}`, { signal });
      }
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 304) return 'done';
      const mapped = mapEngineError(error, name);
      if (action === 'remove' && mapped.code === 'container-not-found') return 'gone';
      throw new SiloFailure(mapped);
    }
    return 'done';
  }
}

/** Run one action over a selection, a few at a time; one outcome per id, in order. */
export function actOnSelection(ids: readonly string[], run: (id: string) => Promise<'done' | 'gone' | void>, concurrency = 4): Promise<ActionOutcome[]> {
  return mapBounded(ids, concurrency, async (id): Promise<ActionOutcome> => {
    try {
      const result = await run(id);
      return result === 'gone' ? { id, ok: true, error: null, gone: true } : { id, ok: true, error: null };
    } catch (error) {
      const mapped: SiloError = error instanceof SiloFailure ? error.error : mapEngineError(error);
      return { id, ok: false, error: mapped };
    }
  });
}
