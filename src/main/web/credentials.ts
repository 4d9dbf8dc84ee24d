// The browser host's credentials. The address Silo prints carries a one-time code: the page's
// first load exchanges it (POST /session) for a per-page secret and the code is dead. The page
// keeps its secret in sessionStorage (per origin, so per port, and per tab) and presents it on
// each WebSocket upgrade. Only digests are kept; every comparison is constant time (digestIndex).
import { digestIndex, digestOf, newToken } from './guard';

/** Codes printed and not used yet: `--new-link` adds one each time; the oldest go first. */
const MAX_CODES = 16;
/** Pages signed in: a reload keeps its secret; the oldest page loses its seat past this. */
const MAX_SECRETS = 256;

/** A fresh token whose digest joins `digests`; past `max`, the oldest goes. */
function kept(digests: Buffer[], max: number): string {
  const token = newToken();
  digests.push(digestOf(token));
  if (digests.length > max) digests.shift();
  return token;
}

export class Credentials {
  private readonly codes: Buffer[] = [];
  private readonly secrets: Buffer[] = [];

  /** `firstCode`: the code of the address printed at start (fixed by tests; random otherwise). */
  constructor(readonly firstCode: string = newToken()) {
    this.codes.push(digestOf(firstCode));
  }

  /** A fresh one-time code, for a fresh address. */
  issueCode(): string {
    return kept(this.codes, MAX_CODES);
  }

  /** Whether `given` is a code still unused (its address may load the page). */
  codeLive(given: string | null | undefined): boolean {
    return digestIndex(this.codes, given) >= 0;
  }

  /** Spends a live code: a new page secret, or null (unknown, or used already). */
  exchange(given: string | null | undefined): string | null {
    const index = digestIndex(this.codes, given);
    if (index < 0) return null;
    this.codes.splice(index, 1);
    return kept(this.secrets, MAX_SECRETS);
  }

  /** Whether `given` is the secret of a signed-in page. */
  secretValid(given: string | null | undefined): boolean {
    return digestIndex(this.secrets, given) >= 0;
  }
}
