// Reconnect delays: start small so a restarting engine is seen at once, cap low so a returning
// engine is seen within two seconds.
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 1000 };

/** The delay before attempt `failures + 1`, after `failures` failed attempts (1-based). */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(exponent, 20));
}
