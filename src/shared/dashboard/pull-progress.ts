// `docker pull` progress from the engine's JSON lines: a phase and bytes per layer, and a total.
// A reducer: the main side folds each message in, and sends snapshots. No I/O.
import type { LayerPhase, LayerProgress, PullProgress } from '../model/image-list';
import type { JsonMessage } from './json-message';

export interface PullState {
  reference: string;
  order: string[];
  layers: Map<string, LayerProgress>;
  /** Download size per layer, once known (the `total` of Downloading or Extracting). */
  sizes: Map<string, number>;
  status: string | null;
  digest: string | null;
  done: boolean;
}

export function newPull(reference: string): PullState {
  return { reference, order: [], layers: new Map(), sizes: new Map(), status: null, digest: null, done: false };
}

const PHASES: Array<[RegExp, LayerPhase]> = [
  [/^pulling fs layer$/i, 'waiting'],
  [/^waiting$/i, 'waiting'],
  [/^downloading$/i, 'downloading'],
  [/^verifying checksum$/i, 'verifying'],
  [/^download complete$/i, 'downloaded'],
  [/^extracting$/i, 'extracting'],
  [/^pull complete$/i, 'complete'],
  [/^already exists$/i, 'exists'],
  [/^retrying in /i, 'retrying'],
];

export function layerPhase(status: string): LayerPhase {
  for (const [test, phase] of PHASES) if (test.test(status)) return phase;
  return 'other';
}

/** A message is about one layer when it has an id and is not the `Pulling from …` header. */
function isLayerMessage(message: JsonMessage): boolean {
  return typeof message.id === 'string' && message.id !== '' && !/^pulling from /i.test(message.status ?? '');
}

/** Fold one message in. Error messages are the caller's (see messageError). */
export function applyPullMessage(state: PullState, message: JsonMessage): void {
  const status = (message.status ?? '').trim();
  if (!status) return;
  if (!isLayerMessage(message)) {
    const digest = /^Digest:\s*(\S+)/i.exec(status);
    if (digest) state.digest = digest[1]!;
    if (/^Status:/i.test(status)) state.done = true;
    state.status = status;
    return;
  }
  const id = message.id!;
  if (!state.layers.has(id)) state.order.push(id);
  const phase = layerPhase(status);
  const detail = message.progressDetail ?? {};
  const total = typeof detail.total === 'number' && detail.total > 0 ? detail.total : null;
  if (total !== null && (phase === 'downloading' || phase === 'extracting')) state.sizes.set(id, Math.max(total, state.sizes.get(id) ?? 0));
  const current = typeof detail.current === 'number' ? detail.current : null;
  state.layers.set(id, { id, phase, status, current: phase === 'downloading' || phase === 'extracting' ? current : null, total });
}

const FINISHED_DOWNLOAD: ReadonlySet<LayerPhase> = new Set(['verifying', 'downloaded', 'extracting', 'complete']);

export function pullProgress(state: PullState): PullProgress {
  let downloaded = 0;
  let total = 0;
  let layersDone = 0;
  const layers: LayerProgress[] = [];
  for (const id of state.order) {
    const layer = state.layers.get(id)!;
    layers.push(layer);
    const size = state.sizes.get(id);
    if (layer.phase === 'complete' || layer.phase === 'exists') layersDone += 1;
    if (size === undefined) continue;
    total += size;
    if (layer.phase === 'downloading') downloaded += Math.min(layer.current ?? 0, size);
    else if (FINISHED_DOWNLOAD.has(layer.phase)) downloaded += size;
  }
  return { reference: state.reference, layers, downloaded, total, layersDone, status: state.status, digest: state.digest, done: state.done };
}

/** `name[:tag]` or `name@digest` → the query of POST /images/create (`fromImage`, `tag`). */
export function pullQuery(reference: string): { fromImage: string; tag?: string } {
  const at = reference.indexOf('@');
  if (at >= 0) return { fromImage: reference.slice(0, at), tag: reference.slice(at + 1) };
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  // A colon before the last slash is a registry port (`localhost:5000/app`), not a tag.
  if (colon > slash) return { fromImage: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { fromImage: reference, tag: 'latest' };
}
