// Minimal edits of a JSON text: set, insert or remove one member or list item and leave every
// other byte as it was (key order, indentation, line endings, a BOM). New text follows the
// file's own style: its indentation unit, its line endings, its spacing after colons. Pure.
import { findMember, parseJsonSource, type JsonArrayNode, type JsonNode, type JsonObjectNode, type JsonValue } from './json-source';

export { findMember };

export class JsonEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonEditError';
  }
}

interface Style {
  eol: string;
  unit: string;
  colon: string;
  /** Between items written on one line. */
  comma: string;
  /** The whole document is on one line: keep it there. */
  inline: boolean;
}

/** Parse for editing: the text must be valid JSON whose root is an object (or empty). */
export function parseForEdit(text: string): JsonObjectNode | null {
  const parsed = parseJsonSource(text);
  if (!parsed.ok) throw new JsonEditError(`the file is not valid JSON (line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message})`);
  if (parsed.root === null) return null;
  if (parsed.root.kind !== 'object') throw new JsonEditError('the file does not hold a JSON object');
  return parsed.root;
}

/** Set the value at `path` (object keys), creating missing objects on the way. */
export function setMember(text: string, path: readonly string[], value: JsonValue): string {
  if (path.length === 0) throw new JsonEditError('an empty path names no member');
  const root = parseForEdit(text);
  const style = detectStyle(text, root);
  if (root === null) {
    const body = wrap(path, value);
    const lead = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    return `${lead}${serialize(body, '', style, true)}${style.eol}`;
  }
  let node: JsonObjectNode = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as string;
    const member = findMember(node, key);
    if (!member) return insertMember(text, node, key, wrap(path.slice(i + 1), value), style);
    if (i === path.length - 1) return replaceNode(text, member.value, value, style);
    if (member.value.kind !== 'object') throw new JsonEditError(`"${path.slice(0, i + 1).join('.')}" is not an object`);
    node = member.value;
  }
  return text;
}

/** Remove the member at `path`; a missing member leaves the text as it is. */
export function removeMember(text: string, path: readonly string[]): string {
  const root = parseForEdit(text);
  if (root === null || path.length === 0) return text;
  let node: JsonObjectNode = root;
  for (let i = 0; i < path.length - 1; i++) {
    const member = findMember(node, path[i] as string);
    if (!member || member.value.kind !== 'object') return text;
    node = member.value;
  }
  const index = lastIndexOfKey(node, path[path.length - 1] as string);
  if (index < 0) return text;
  return removeFromList(
    text,
    node,
    node.members.map((m) => ({ start: m.keyStart, end: m.value.end })),
    index,
  );
}

/** Replace one node's text with a value written in the file's style. */
export function replaceNode(text: string, node: JsonNode, value: JsonValue, style: Style = detectStyle(text, parseForEdit(text))): string {
  const indent = lineIndent(text, node.start);
  const multiline = !style.inline && (node.kind === 'object' || node.kind === 'array' ? isMultiline(text, node) || !hasInlineStyle(text, node) : true);
  return text.slice(0, node.start) + serialize(value, indent, style, multiline) + text.slice(node.end);
}

/** Append an item at the end of a list. */
export function appendItem(text: string, list: JsonArrayNode, value: JsonValue): string {
  const style = detectStyle(text, parseForEdit(text));
  const last = list.items[list.items.length - 1];
  if (!last) return text.slice(0, list.start) + '[' + serialize(value, lineIndent(text, list.start), style, false) + ']' + text.slice(list.end);
  if (isMultiline(text, list)) {
    const indent = lineIndent(text, last.start);
    return text.slice(0, last.end) + ',' + style.eol + indent + serialize(value, indent, style, true) + text.slice(last.end);
  }
  const separator = list.items.length > 1 ? text.slice((list.items[0] as JsonNode).end, (list.items[1] as JsonNode).start) : style.comma;
  return text.slice(0, last.end) + separator + serialize(value, '', style, false) + text.slice(last.end);
}

/** Remove the item at `index` of a list. */
export function removeItem(text: string, list: JsonArrayNode, index: number): string {
  return removeFromList(
    text,
    list,
    list.items.map((n) => ({ start: n.start, end: n.end })),
    index,
  );
}

function removeFromList(text: string, container: JsonNode, spans: Array<{ start: number; end: number }>, index: number): string {
  const span = spans[index];
  if (!span) return text;
  if (spans.length === 1) return text.slice(0, container.start + 1) + text.slice(container.end - 1);
  const previous = spans[index - 1];
  if (previous) return text.slice(0, previous.end) + text.slice(span.end);
  const next = spans[index + 1] as { start: number };
  return text.slice(0, span.start) + text.slice(next.start);
}

function insertMember(text: string, node: JsonObjectNode, key: string, value: JsonValue, style: Style): string {
  const last = node.members[node.members.length - 1];
  const keyText = JSON.stringify(key);
  if (!last) {
    if (style.inline) return text.slice(0, node.start) + `{${keyText}${style.colon}${serialize(value, '', style, false)}}` + text.slice(node.end);
    const indent = lineIndent(text, node.start);
    const inner = indent + style.unit;
    const member = `${keyText}${style.colon}${serialize(value, inner, style, true)}`;
    return text.slice(0, node.start) + '{' + style.eol + inner + member + style.eol + indent + '}' + text.slice(node.end);
  }
  if (isMultiline(text, node)) {
    const indent = startsLine(text, last.keyStart) ? lineIndent(text, last.keyStart) : lineIndent(text, node.start) + style.unit;
    const member = `${keyText}${style.colon}${serialize(value, indent, style, true)}`;
    return text.slice(0, last.value.end) + ',' + style.eol + indent + member + text.slice(last.value.end);
  }
  const first = node.members[0] as typeof last;
  const second = node.members[1];
  const separator = second ? text.slice(first.value.end, second.keyStart) : style.comma;
  const colon = text.slice(last.keyEnd, last.value.start);
  return text.slice(0, last.value.end) + separator + keyText + colon + serialize(value, '', style, false) + text.slice(last.value.end);
}

function wrap(path: readonly string[], value: JsonValue): JsonValue {
  return path.reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), value);
}

function lastIndexOfKey(node: JsonObjectNode, key: string): number {
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]?.key === key) return i;
  return -1;
}

/** The whitespace at the start of the line that holds `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}

function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t\ufeff]*$/.test(text.slice(lineStart, offset));
}

function isMultiline(text: string, node: JsonNode): boolean {
  return text.slice(node.start, node.end).includes('\n');
}

/** A container written on one line that holds members: the file keeps it inline. */
function hasInlineStyle(text: string, node: JsonNode): boolean {
  if (node.kind === 'object') return node.members.length > 0 && !isMultiline(text, node);
  if (node.kind === 'array') return node.items.length > 0 && !isMultiline(text, node);
  return false;
}

function detectStyle(text: string, root: JsonObjectNode | null): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let unit = '  ';
  let colon = ': ';
  let comma = ', ';
  const inline = root !== null && root.members.length > 0 && !isMultiline(text, root);
  const [first, second] = root?.members ?? [];
  if (root && first) {
    colon = text.slice(first.keyEnd, first.value.start) || ':';
    if (/\n/.test(colon) || colon.length > 3) colon = ': ';
    if (inline) comma = second ? text.slice(first.value.end, second.keyStart) : colon.trim() === colon ? ',' : ', ';
    if (startsLine(text, first.keyStart)) {
      const found = lineIndent(text, first.keyStart).slice(lineIndent(text, root.start).length);
      if (found) unit = found;
    }
  }
  return { eol, unit, colon, comma, inline };
}

/** JSON text for a value: pretty (nested by `unit`, continuing at `indent`) or on one line. */
function serialize(value: JsonValue, indent: string, style: Style, pretty: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inline = (v: JsonValue): string => serialize(v, '', style, false);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = `[${value.map(inline).join(style.comma)}]`;
    const simple = value.every((v) => v === null || typeof v !== 'object');
    if (!pretty || style.inline || (simple && flat.length <= 80)) return flat;
    const inner = indent + style.unit;
    return `[${style.eol}${value.map((v) => inner + serialize(v, inner, style, true)).join(',' + style.eol)}${style.eol}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  if (!pretty) return `{${entries.map(([k, v]) => `${JSON.stringify(k)}${style.colon}${inline(v)}`).join(style.comma)}}`;
  const inner = indent + style.unit;
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}${style.colon}${serialize(v, inner, style, true)}`);
  return `{${style.eol}${lines.join(',' + style.eol)}${style.eol}${indent}}`;
}
