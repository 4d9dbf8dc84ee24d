// Saving text as a file from the page: a Blob and an <a download> clicked from script. The same in
// Electron (its download asks where to save) and in a browser at the browser host; no Node.

/** `web-1-20250304-101200.log`: the container's name and the local time, safe as a file name. */
export function logFileName(containerName: string, at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const safe = containerName.replace(/^\//, '').replace(/[^A-Za-z0-9_.-]+/g, '_') || 'container';
  return `${safe}-${stamp}.log`;
}

export function saveTextFile(parts: readonly string[], fileName: string): void {
  const blob = new Blob(parts as string[], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the Blob by the next turn; let the memory go soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
