// What POST /images/load and POST /images/create?fromSrc=- answer, line by line: the images
// loaded (`Loaded image: repo:tag`, `Loaded image ID: sha256:…`), an import's new id, or an error.
import type { ImageLoadResult } from '../model/image-list';
import { messageError, type JsonMessage } from './json-message';

export interface LoadOutput extends ImageLoadResult {
  error: string | null;
}

export function readLoadOutput(messages: readonly JsonMessage[]): LoadOutput {
  const images: string[] = [];
  const lines: string[] = [];
  let error: string | null = null;
  for (const message of messages) {
    const problem = messageError(message);
    if (problem) {
      error ??= problem;
      lines.push(problem);
      continue;
    }
    const text = (message.stream ?? message.status ?? '').trim();
    if (!text) continue;
    // Progress lines (`Loading layer`) repeat many times: keep only the sentences.
    if (message.progressDetail && Object.keys(message.progressDetail).length > 0) continue;
    lines.push(text);
    const loaded = /^Loaded image(?: ID)?:\s*(\S+)/i.exec(text);
    if (loaded) images.push(loaded[1]!);
    else if (/^sha256:[0-9a-f]{64}$/.test(text)) images.push(text);
  }
  return { images, messages: lines, error };
}
