// An ssh engine address (`ssh://[user@]host[:port]`) whose user or host begins with "-": the
// docker CLI hands both to the ssh program, which reads such a word as one of its own options
// (`-oProxyCommand=…` runs a command). Silo refuses them, however they are spelled (percent
// escapes decoded, brackets removed). Pure.

export type SshDashPart = 'user' | 'host';

/** Which part of an ssh address begins with "-", or null (also for an address that is not ssh). */
export function sshDashPart(address: string): SshDashPart | null {
  const match = /^ssh:\/\/([^/?#]*)/i.exec(address.trim());
  if (!match) return null;
  const authority = match[1] ?? '';
  const at = authority.lastIndexOf('@');
  const user = at < 0 ? null : decode(authority.slice(0, at));
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  const host = decode(
    hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']') < 0 ? undefined : hostPort.indexOf(']')) : hostPort.replace(/:\d*$/, ''),
  );
  if (user !== null && startsWithDash(user)) return 'user';
  if (startsWithDash(host)) return 'host';
  return null;
}

function startsWithDash(word: string): boolean {
  return word.trimStart().startsWith('-');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
