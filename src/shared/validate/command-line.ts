// A command line as a person types it, split into an argument vector the way a POSIX shell
// splits words: spaces separate, single quotes keep everything, double quotes keep all but `\"`
// and `\\`, a backslash outside quotes escapes the next character. No expansion of any kind.

export type SplitResult = { ok: true; argv: string[] } | { ok: false; reason: 'unclosed-quote' | 'trailing-backslash' };

export function splitCommandLine(line: string): SplitResult {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) return { ok: false, reason: 'trailing-backslash' };
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== null) return { ok: false, reason: 'unclosed-quote' };
  if (inWord) argv.push(word);
  return { ok: true, argv };
}
