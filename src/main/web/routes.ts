// The browser host's HTTP side. Static files are public and carry no secret; the one-time code
// of an address is checked when the page loads (a used one gets the new-address page) and spent
// by the page's POST /session, which answers its secret. Nothing is ever redirected, so no
// request can send the browser elsewhere; no cookie is read or set.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RENDERER_CSP, resolveStatic } from '../host/static-files';
import type { Credentials } from './credentials';
import { hostAllowed, originAllowed } from './guard';
import { acceptedLanguage, newAddressPage } from './words';

export const SESSION_PATH = '/session';
export const NEW_ADDRESS_PATH = '/new-address';
const MAX_SESSION_BODY = 4096;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The page main serves itself: no script, no style, nothing but its words. */
const PAGE_HEADERS = { ...SECURITY_HEADERS, 'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" };

export interface RouteContext {
  staticDir: string;
  credentials: Credentials;
  port: () => number;
}

export function parseUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://loopback');
  } catch {
    return null;
  }
}

export function handleHttp(context: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const url = parseUrl(req);
  if (!url) return plain(res, 400);
  if (!hostAllowed(req.headers.host, context.port())) return plain(res, 403);
  if (!originAllowed(req.headers.origin, context.port())) return plain(res, 403);
  if (url.pathname === SESSION_PATH) return req.method === 'GET' ? check(context, req, res) : void exchange(context, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405);
  if (url.searchParams.has('token') && !context.credentials.codeLive(url.searchParams.get('token'))) {
    return newAddress(req, res, 401);
  }
  if (url.pathname === NEW_ADDRESS_PATH) return newAddress(req, res, 200);
  const file = resolveStatic(context.staticDir, url.pathname);
  if (!file) return plain(res, 404);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** POST /session `{"code": "…"}` (application/json, so never a simple cross-site request). */
async function exchange(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return plain(res, 405);
  if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) return plain(res, 415);
  const body = await readBody(req, MAX_SESSION_BODY);
  if (body === null) return plain(res, 413);
  let code: unknown;
  try {
    code = (JSON.parse(body) as { code?: unknown } | null)?.code;
  } catch {
    return plain(res, 400);
  }
  const issued = typeof code === 'string' ? context.credentials.exchange(code) : null;
  if (issued === null) return json(res, 401, { error: 'link-used', next: NEW_ADDRESS_PATH });
  json(res, 200, { secret: issued });
}

/**
 * GET /session with `X-Silo-Secret`: whether this page's secret still opens the WebSocket (204),
 * or not (401: a host restarted on the same port knows it no more). The page asks only when its
 * WebSocket could not open, which a browser does not explain. A custom header, so never cross-site.
 */
function check(context: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const given = req.headers['x-silo-secret'];
  if (!context.credentials.secretValid(typeof given === 'string' ? given : null)) return json(res, 401, { error: 'link-used', next: NEW_ADDRESS_PATH });
  res.writeHead(204, SECURITY_HEADERS);
  res.end();
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function newAddress(req: IncomingMessage, res: ServerResponse, status: number): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : newAddressPage(acceptedLanguage(req.headers['accept-language'])));
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

export function plain(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status}\n`);
}
