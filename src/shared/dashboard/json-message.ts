// The engine's JSON progress messages (moby pkg/jsonmessage), as pulls, loads and imports send
// them, one JSON object a line.

export interface JsonMessage {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number } | null;
  stream?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number } | null;
  aux?: unknown;
}

/** The error a message carries, or null. */
export function messageError(message: JsonMessage): string | null {
  const detail = message.errorDetail?.message;
  if (typeof detail === 'string' && detail) return detail;
  if (typeof message.error === 'string' && message.error) return message.error;
  return null;
}
