// A WebSocket frame from a page, as the browser host reads it: JSON `{ id, call, args }` with a
// positive whole-number id. Anything else is not a request, and is answered with id -1, an id no
// request can carry, so a page can always tell the two apart.
export const NOT_A_REQUEST_ID = -1;

export interface FrameRequest {
  id: number;
  call: unknown;
  args: unknown;
}

export function parseFrame(text: string): FrameRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, call, args } = value as { id?: unknown; call?: unknown; args?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return null;
  return { id, call, args };
}
