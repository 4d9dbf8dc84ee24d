// Who may talk to the browser host. A secret compared in constant time (a one-time code in the
// printed address, then a per-page secret on the WebSocket upgrade; never a cookie, which every
// port of 127.0.0.1 would receive), the host's own loopback Host header (no DNS rebinding), and
// its own Origin (no cross-site requests or WebSocket hijacking).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The first `Sec-WebSocket-Protocol` value of Silo's page; the second is its secret. */
export const WS_PROTOCOL = 'silo';

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a token is compared by: its SHA-256, 32 bytes whatever its length. */
export function digestOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

const NOTHING = digestOf(randomBytes(32).toString('base64url'));

/** The refusals that say nothing about the token: no string, empty, over 1 KiB. */
function plausible(given: string | null | undefined): given is string {
  return typeof given === 'string' && given.length > 0 && given.length <= 1024;
}

export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (!plausible(given)) return false;
  // Hash both sides so the comparison is constant-time whatever the lengths.
  return timingSafeEqual(digestOf(expected), digestOf(given));
}

/**
 * The index of `given` among tokens known by their digests, or -1. `given` is hashed once and
 * compared with every digest, so the time says nothing of whether or which one matched.
 */
export function digestIndex(known: readonly Buffer[], given: string | null | undefined): number {
  if (!plausible(given)) return -1;
  const mine = digestOf(given);
  let found = -1;
  known.forEach((digest, index) => {
    if (timingSafeEqual(digest, mine)) found = index;
  });
  // With nothing known, still one comparison, so an empty list answers no faster.
  if (known.length === 0) timingSafeEqual(NOTHING, mine);
  return found;
}

/** The Host header values a loopback server on `port` answers to. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** An Origin is allowed only when it is exactly this host's own http origin. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // not a browser: the secret still guards it
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin && allowedHosts(port).has(url.host);
}

/**
 * The secret a WebSocket upgrade presents: `Sec-WebSocket-Protocol: silo, <secret>`, exactly two
 * values, Silo's first. Null for anything else.
 */
export function protocolSecret(header: string | undefined): string | null {
  if (typeof header !== 'string' || header.length > 2048) return null;
  const values = header.split(',').map((v) => v.trim());
  if (values.length !== 2 || values[0] !== WS_PROTOCOL) return null;
  return values[1] || null;
}
