// An image reference as the engine parses it (the distribution/reference grammar), or an image id.
import { problem, type FieldProblem } from './problem';

const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const remoteName = `${pathComponent}(?:/${pathComponent})*`;

const REFERENCE = new RegExp(`^((?:${domain}/)?${remoteName})(?::(${tag}))?(?:@(${digest}))?$`);
const IMAGE_ID = /^(sha256:)?[a-f0-9]{64}$/;
const PATH_COMPONENT = new RegExp(`^${pathComponent}$`);

/**
 * The engine (distribution/reference's splitDockerDomain, as vendored in Engine 20.10) takes the
 * first component as a registry only when it holds a `.` or `:` or is `localhost`; otherwise it is
 * part of the repository path, which must be lowercase. (Newer engines also take a component with
 * an uppercase letter as a registry: Silo keeps the stricter rule, which every engine accepts.)
 */
function firstComponentProblem(name: string): 'image-uppercase' | 'image-reference' | null {
  const slash = name.indexOf('/');
  if (slash < 0) return null;
  const first = name.slice(0, slash);
  if (/[.:]/.test(first) || first === 'localhost' || PATH_COMPONENT.test(first)) return null;
  return PATH_COMPONENT.test(first.toLowerCase()) ? 'image-uppercase' : 'image-reference';
}

export interface ImageReference {
  /** Repository with its domain, if any. */
  name: string;
  tag: string | null;
  digest: string | null;
}

/** The parts of a reference, or null when the engine would not parse it. */
export function parseImageReference(value: string): ImageReference | null {
  const m = REFERENCE.exec(value);
  if (!m) return null;
  return { name: m[1] ?? '', tag: m[2] ?? null, digest: m[3] ?? null };
}

export const isImageId = (value: string): boolean => IMAGE_ID.test(value);

/** The grammar takes any `algorithm:hex`; the engine (go-digest) only its algorithms, in lowercase hex of their length. */
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
function knownDigest(digest: string): boolean {
  const [algorithm = '', hex = ''] = digest.split(':');
  return DIGEST_LENGTHS[algorithm] === hex.length && /^[a-f0-9]+$/.test(hex);
}

/** The reference with its repository part lowercased (the tag and digest kept as they are). */
function lowercaseName(value: string): string {
  const at = value.indexOf('@');
  const head = at >= 0 ? value.slice(0, at) : value;
  const colon = head.lastIndexOf(':');
  const end = colon > head.lastIndexOf('/') ? colon : head.length;
  return head.slice(0, end).toLowerCase() + head.slice(end) + (at >= 0 ? value.slice(at) : '');
}

export function validateImageReference(value: string | undefined, field = 'image'): FieldProblem[] {
  const v = value ?? '';
  if (v.trim() === '') return [problem(field, 'required')];
  if (isImageId(v)) return [];
  const parsed = parseImageReference(v);
  if (parsed === null) {
    // The engine's own words for the commonest mistake.
    const lower = parseImageReference(lowercaseName(v));
    return [problem(field, lower !== null ? 'image-uppercase' : 'image-reference', { value: v })];
  }
  const first = firstComponentProblem(parsed.name);
  if (first !== null) return [problem(field, first, { value: v })];
  if (parsed.name.length > 255) return [problem(field, 'image-too-long', { length: parsed.name.length })];
  if (parsed.digest !== null && !knownDigest(parsed.digest)) return [problem(field, 'image-reference', { value: v })];
  return [];
}
