// Saving bytes from the page as a file: a Blob and an <a download> clicked from script. Electron
// asks where to save (its download's save dialog); a browser at the browser host saves through its
// own download. Neither writes a path the person did not choose. No Node.

export function saveBytes(parts: readonly Uint8Array[], fileName: string): void {
  const blob = new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
