// The name a saved log gets (the saving itself is components/save-file.ts).

/** `web-1-20250304-101200.log`: the container's name and the local time, safe as a file name. */
export function logFileName(containerName: string, at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const safe = containerName.replace(/^\//, '').replace(/[^A-Za-z0-9_.-]+/g, '_') || 'container';
  return `${safe}-${stamp}.log`;
}
