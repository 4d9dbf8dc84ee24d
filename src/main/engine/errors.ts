// Turns what dockerode and the engine throw into SiloErrors. Pure: matches the engine's own
// words (Docker 20.10 and newer moby word some of them differently; both are matched on meaning).
import { SiloFailure, siloError, type SiloError } from '../../shared/errors';

interface DockerodeError {
  statusCode?: number;
  json?: unknown;
  message?: string;
  code?: string;
  name?: string;
}

/** The engine's own sentence, without dockerode's "(HTTP code 409) unexpected - " wrapping. */
export function engineMessage(error: unknown): string {
  const e = (error ?? {}) as DockerodeError;
  const json = e.json as { message?: unknown } | null | undefined;
  if (json && typeof json === 'object' && !Buffer.isBuffer(json) && typeof json.message === 'string') return json.message.trim();
  const text = typeof e.message === 'string' ? e.message : String(error);
  return text.replace(/^\(HTTP code \d+\)\s+[^-]*-\s*/, '').trim();
}

const CONNECTION_CODES = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENOTSOCK',
  'UND_ERR_SOCKET',
]);

/** True when the error is about reaching the engine rather than an answer from it. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof SiloFailure) return error.error.code.startsWith('engine-') && error.error.code !== 'engine-error';
  const e = (error ?? {}) as DockerodeError;
  if (typeof e.statusCode === 'number') return false;
  return (e.code !== undefined && CONNECTION_CODES.has(e.code)) || isTimeout(e) || /socket hang up/i.test(e.message ?? '');
}

function isTimeout(e: DockerodeError): boolean {
  return e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR' || e.code === 'ETIMEDOUT';
}

/** Why an engine cannot be reached: not-found, permission-denied, timeout or unreachable. */
export function mapConnectionError(error: unknown): SiloError {
  if (error instanceof SiloFailure) return error.error;
  const e = (error ?? {}) as DockerodeError;
  const detail = typeof e.message === 'string' && e.message ? e.message : String(error);
  if (e.code === 'ENOENT') return siloError('engine-not-found', { detail });
  if (e.code === 'EACCES' || e.code === 'EPERM') return siloError('engine-permission-denied', { detail });
  if (isTimeout(e)) return siloError('engine-timeout', { detail });
  return siloError('engine-unreachable', { detail });
}

interface Rule {
  test: RegExp;
  code: SiloError['code'];
  /** Parameters taken from the engine's words. */
  params?: (match: RegExpMatchArray) => Record<string, string>;
}

// Order matters: the more specific sentence first.
const RULES: Rule[] = [
  { test: /no such container/i, code: 'container-not-found' },
  { test: /removal of container .* is already in progress/i, code: 'removal-in-progress' },
  { test: /you cannot remove a running container|container is (running|restarting): stop the container before removing/i, code: 'must-stop-container' },
  { test: /you cannot remove a paused container|container is paused and must be unpaused/i, code: 'container-paused' },
  {
    test: /the container name "\/?([^"]+)" is already in use/i,
    code: 'name-conflict',
    params: (m) => ({ name: m[1] ?? '' }),
  },
  { test: /unknown runtime specified:?\s*(\S*)/i, code: 'unknown-runtime', params: (m) => ({ runtime: m[1] ?? '' }) },
  {
    // 20.10: `Invalid isolation: "hyperv" - linux only supports 'default'`;
    // newer: `invalid isolation (hyperv): linux only supports 'default'`.
    test: /invalid isolation\W*([\w-]*)|only supports 'default'/i,
    code: 'invalid-isolation',
    params: (m): Record<string, string> => (m[1] ? { isolation: m[1] } : {}),
  },
  { test: /is already paused/i, code: 'container-already-paused' },
  { test: /is not paused/i, code: 'container-not-paused' },
  { test: /is paused|cannot start a paused container|unpause the container/i, code: 'container-paused' },
  { test: /is not running/i, code: 'container-not-running' },
];

/**
 * A failed engine call as a SiloError. `name` (a container's name) goes into params where a
 * sentence needs it; the engine's words always go into `detail`.
 */
export function mapEngineError(error: unknown, name?: string): SiloError {
  if (error instanceof SiloFailure) return error.error;
  if (isConnectionError(error)) return mapConnectionError(error);
  const detail = engineMessage(error);
  const withName = (params: Record<string, string> = {}): Record<string, string> => (name ? { name, ...params } : params);
  const status = (error as DockerodeError | null)?.statusCode;
  if (status === 404 && !/image|network|volume|runtime/i.test(detail)) return siloError('container-not-found', { params: withName(), detail });
  for (const rule of RULES) {
    const match = detail.match(rule.test);
    if (match) return siloError(rule.code, { params: withName(rule.params?.(match)), detail });
  }
  return siloError('engine-error', { ...(name ? { params: { name } } : {}), detail: detail || 'the engine gave no reason' });
}
