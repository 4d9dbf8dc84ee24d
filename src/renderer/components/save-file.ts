// Saving from the page as a file: a Blob and an <a download> clicked from script. Electron asks
// where to save (its download's save dialog); a browser at the browser host saves through its own
// download. Neither writes a path the person did not choose. No Node.

export function saveFile(parts: readonly BlobPart[], fileName: string, type: string): void {
  const blob = new Blob(parts as BlobPart[], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the Blob by then; let the memory go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveTextFile(parts: readonly string[], fileName: string): void {
  saveFile(parts, fileName, 'text/plain;charset=utf-8');
}

export function saveBytes(parts: readonly Uint8Array[], fileName: string): void {
  saveFile(parts as Uint8Array<ArrayBuffer>[], fileName, 'application/octet-stream');
}
