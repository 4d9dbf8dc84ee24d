// A strict JSON parser (RFC 8259, as Go's encoding/json reads daemon.json) that keeps where
// every key and value sits in the text, so that edits can touch one value and leave every other
// byte alone, and syntax errors can name a line and column. Pure.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

interface NodeBase {
  /** Offset of the value's first character in the text. */
  start: number;
  /** Offset just past the value's last character. */
  end: number;
}

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export type JsonNode =
  | (NodeBase & { kind: 'object'; members: JsonMember[] })
  | (NodeBase & { kind: 'array'; items: JsonNode[] })
  | (NodeBase & { kind: 'string'; value: string })
  | (NodeBase & { kind: 'number'; value: number })
  | (NodeBase & { kind: 'boolean'; value: boolean })
  | (NodeBase & { kind: 'null' });

export type JsonObjectNode = Extract<JsonNode, { kind: 'object' }>;
export type JsonArrayNode = Extract<JsonNode, { kind: 'array' }>;

export interface JsonSyntaxError {
  /** A plain sentence, without the position. */
  message: string;
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** Set when the text is JSON nested deeper than MAX_JSON_DEPTH. */
  reason?: 'too-deep';
}

export type JsonParseResult = { ok: true; root: JsonNode | null; bom: boolean } | { ok: false; error: JsonSyntaxError };

/**
 * How deep objects and lists may nest. Real configuration files nest three or four levels; the
 * limit keeps every walk over the tree (here and in the rules) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 64;

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).at(offset);
}

/** Line starts found once, so that many positions cost a binary search each, not a scan. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  at(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1 };
  }

  /** The offset of a 1-based line and column, within the text. */
  offsetOf(line: number, column: number): number {
    const start = this.starts[Math.max(0, line - 1)];
    if (start === undefined) return this.text.length;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }
}

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly reason?: 'too-deep',
  ) {
    super(message);
  }
}

/** Parse the whole text. Whitespace only (or nothing) parses to a null root, as dockerd allows. */
export function parseJsonSource(text: string): JsonParseResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  const parser = new Parser(text, bom ? 1 : 0);
  try {
    parser.skipWhitespace();
    if (parser.atEnd()) return { ok: true, root: null, bom };
    const root = parser.value(0);
    parser.skipWhitespace();
    if (!parser.atEnd()) throw new SyntaxFailure('There is more text after the end of the JSON value', parser.pos);
    return { ok: true, root, bom };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const failure = { message: error.message, offset: error.offset, ...lineColumn(text, error.offset) };
    return { ok: false, error: error.reason ? { ...failure, reason: error.reason } : failure };
  }
}

/** The plain value of a node (for duplicate keys, the last one wins, as in Go). */
export function toValue(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      // defineProperty, so that a key such as __proto__ is a plain key, as JSON.parse makes it.
      for (const member of node.members)
        Object.defineProperty(out, member.key, { value: toValue(member.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** Find a member by exact key (the last one, as Go reads duplicates). */
export function findMember(node: JsonObjectNode, key: string): JsonMember | undefined {
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]?.key === key) return node.members[i];
  return undefined;
}

export function describeSyntaxError(error: JsonSyntaxError): string {
  return `line ${error.line}, column ${error.column}: ${error.message}`;
}

class Parser {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else break;
    }
  }

  value(depth: number): JsonNode {
    if (depth >= MAX_JSON_DEPTH) throw new SyntaxFailure(`Objects and lists are nested more than ${MAX_JSON_DEPTH} levels deep here`, this.pos, 'too-deep');
    const c = this.text[this.pos];
    if (c === undefined) throw new SyntaxFailure('The file ends before the JSON is complete', this.pos);
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const start = this.pos;
      const value = this.string();
      return { kind: 'string', start, end: this.pos, value };
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        const start = this.pos;
        this.pos += word.length;
        return { ...node, start, end: this.pos } as JsonNode;
      }
    }
    throw new SyntaxFailure(`Unexpected ${describeChar(c)}; a value (a string, number, object, array, true, false or null) was expected`, this.pos);
  }

  private object(depth: number): JsonNode {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', start, end: this.pos, members };
    }
    for (;;) {
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c !== '"') {
        if (c === '}' && members.length > 0) throw new SyntaxFailure('A comma is followed by } (JSON allows no trailing comma)', this.pos);
        if (c === undefined) throw new SyntaxFailure('The file ends inside an object; a } is missing', this.pos);
        throw new SyntaxFailure(`Unexpected ${describeChar(c)}; a key in double quotes was expected`, this.pos);
      }
      const keyStart = this.pos;
      const key = this.string();
      const keyEnd = this.pos;
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') throw new SyntaxFailure(`A colon is missing after the key "${key}"`, this.pos);
      this.pos++;
      this.skipWhitespace();
      const value = this.value(depth + 1);
      members.push({ key, keyStart, keyEnd, value });
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return { kind: 'object', start, end: this.pos, members };
      }
      if (next === undefined) throw new SyntaxFailure('The file ends inside an object; a } is missing', this.pos);
      throw new SyntaxFailure(`Unexpected ${describeChar(next)}; a comma or } was expected after the value of "${key}"`, this.pos);
    }
  }

  private array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', start, end: this.pos, items };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']' && items.length > 0) throw new SyntaxFailure('A comma is followed by ] (JSON allows no trailing comma)', this.pos);
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return { kind: 'array', start, end: this.pos, items };
      }
      if (next === undefined) throw new SyntaxFailure('The file ends inside a list; a ] is missing', this.pos);
      throw new SyntaxFailure(`Unexpected ${describeChar(next)}; a comma or ] was expected in the list`, this.pos);
    }
  }

  private string(): string {
    const start = this.pos++;
    let out = '';
    // Runs of plain characters are sliced whole: one copy per run, not one per character.
    let run = this.pos;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) throw new SyntaxFailure('A string is not closed with a double quote', start);
      if (code === 0x22) {
        out += this.text.slice(run, this.pos);
        this.pos++;
        return out;
      }
      if (code === 0x5c) {
        out += this.text.slice(run, this.pos) + this.escape();
        run = this.pos;
        continue;
      }
      if (code < 0x20) throw new SyntaxFailure('A string contains a line break or control character; write it as an escape (\\n, \\t)', this.pos);
      this.pos++;
    }
  }

  private escape(): string {
    const at = this.pos;
    const c = this.text[this.pos + 1];
    this.pos += 2;
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && Object.hasOwn(simple, c)) return simple[c] as string;
    if (c === 'u') {
      const hex = this.text.slice(this.pos, this.pos + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure('A \\u escape needs four hexadecimal digits', at);
      this.pos += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    throw new SyntaxFailure(`"\\${c ?? ''}" is not a valid escape in a JSON string`, at);
  }

  private number(): JsonNode {
    const start = this.pos;
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match || match[0] === '-') throw new SyntaxFailure('A number is not written the way JSON writes numbers', start);
    this.pos += match[0].length;
    const after = this.text[this.pos];
    if (after !== undefined && /[0-9.eE+-]/.test(after))
      throw new SyntaxFailure('A number is not written the way JSON writes numbers (no leading zeros, digits after a dot)', start);
    return { kind: 'number', start, end: this.pos, value: Number(match[0]) };
  }
}

function describeChar(c: string): string {
  if (c === "'") return "single quote ' (JSON strings use double quotes)";
  if (c === '/') return 'slash / (JSON allows no comments)';
  if (c === '#') return 'character # (JSON allows no comments)';
  if (c.charCodeAt(0) < 0x20) return 'control character';
  return `character ${c}`;
}
