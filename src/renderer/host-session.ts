// How a page of the browser host signs in. The address Silo prints carries a one-time code
// (`?token=`): the page spends it once (POST /session) for a secret of its own, which it keeps in
// sessionStorage (per origin, so per port, and per tab: a reload keeps it, no other site sees it)
// and presents on the WebSocket upgrade. Nothing is kept in a cookie.
export const WS_PROTOCOL = 'silo';
const SECRET_KEY = 'silo.secret';
const SESSION_PATH = '/session';
/** The browser host's own page saying how to get a new address. */
export const NEW_ADDRESS_PATH = '/new-address';

async function exchange(code: string): Promise<string | null> {
  try {
    const answer = await fetch(SESSION_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!answer.ok) return null;
    const body = (await answer.json()) as { secret?: unknown };
    return typeof body.secret === 'string' ? body.secret : null;
  } catch {
    return null;
  }
}

/**
 * This page's secret: spends the address's code when it has one (and drops it from the address,
 * keeping the place after `#`), else the one this tab already holds. Without either, the page
 * is replaced by the host's new-address page and the promise never settles.
 */
export async function pageSecret(win: Window = window): Promise<string> {
  const code = new URL(win.location.href).searchParams.get('token');
  if (code !== null) {
    const fresh = await exchange(code);
    // The address as it is now (the route may have set its place meanwhile), without the code:
    // the same origin by construction, only the query changes.
    const url = new URL(win.location.href);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.href);
    if (fresh !== null) {
      win.sessionStorage.setItem(SECRET_KEY, fresh);
      return fresh;
    }
  }
  const kept = win.sessionStorage.getItem(SECRET_KEY);
  if (kept) return kept;
  win.location.replace(NEW_ADDRESS_PATH);
  return new Promise<string>(() => undefined);
}

/**
 * Called when the WebSocket could not open (a browser says no more). If the host answers that
 * this secret is unknown (it was restarted on the same port), the tab is sent to the new-address
 * page; if the host cannot be reached, nothing changes and the page keeps reconnecting.
 */
export async function checkSecret(secret: string, win: Window = window): Promise<void> {
  let status: number;
  try {
    status = (await fetch(SESSION_PATH, { headers: { 'X-Silo-Secret': secret }, credentials: 'omit', cache: 'no-store' })).status;
  } catch {
    return;
  }
  if (status !== 401) return;
  win.sessionStorage.removeItem(SECRET_KEY);
  win.location.replace(NEW_ADDRESS_PATH);
}
