// `docker run -p` specs as the engine's library parses them (go-connections nat.ParsePortSpec):
// `[ip:][hostPort:]containerPort[/proto]`, IPv6 in brackets, ranges `8000-8010:80-90`.
import { problem, type FieldProblem } from './problem';

export const PORT_PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;
export type PortProtocol = (typeof PORT_PROTOCOLS)[number];

export interface PortSpec {
  hostIp: string;
  /** Null: the engine picks a host port. */
  hostStart: number | null;
  hostEnd: number | null;
  containerStart: number;
  containerEnd: number;
  protocol: PortProtocol;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false;
  const doubles = value.split('::').length - 1;
  if (doubles > 1) return false;
  let groups = value.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1] ?? '';
  let size = 8;
  if (last.includes('.')) {
    if (!IPV4.test(last)) return false;
    groups = groups.slice(0, -1);
    size = 6;
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return doubles === 1 ? groups.length < size : groups.length === size;
}

function range(text: string, min: number): { start: number; end: number } | 'number' | 'range' {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return 'number';
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < min || start > 65535 || end > 65535) return 'number';
  if (end < start) return 'range';
  return { start, end };
}

export type PortResult = { ok: true; spec: PortSpec } | { ok: false; problem: FieldProblem };

export function parsePortSpec(raw: string, field = 'ports'): PortResult {
  const fail = (rule: FieldProblem['rule'], params: Record<string, string | number> = {}): PortResult => ({
    ok: false,
    problem: problem(field, rule, { value: raw, ...params }),
  });
  const text = raw.trim();
  if (text === '') return fail('port-spec');
  // As go-connections' SplitProtoPort reads it: the first `/` ends the port; `80/` is tcp.
  const [rest = '', written = ''] = text.split('/');
  const proto = written === '' ? 'tcp' : written.toLowerCase();
  if (!(PORT_PROTOCOLS as readonly string[]).includes(proto)) return fail('port-protocol', { protocol: proto });

  let ip = '';
  let host = '';
  let container: string;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (bracket) {
    ip = bracket[1] ?? '';
    const parts = (bracket[2] ?? '').split(':');
    if (parts.length !== 2) return fail('port-spec');
    [host, container] = [parts[0] ?? '', parts[1] ?? ''];
  } else {
    const parts = rest.split(':');
    const n = parts.length;
    if (n === 1) container = parts[0] ?? '';
    else if (n === 2) [host, container] = [parts[0] ?? '', parts[1] ?? ''];
    else {
      ip = parts.slice(0, n - 2).join(':');
      host = parts[n - 2] ?? '';
      container = parts[n - 1] ?? '';
    }
  }
  if (ip !== '' && !isIpAddress(ip)) return fail('port-ip', { ip });
  if (container === '') return fail('port-spec');
  const c = range(container, 1);
  if (typeof c === 'string') return fail(c === 'number' ? 'port-number' : 'port-range');
  let hostStart: number | null = null;
  let hostEnd: number | null = null;
  if (host !== '') {
    const h = range(host, 0);
    if (typeof h === 'string') return fail(h === 'number' ? 'port-number' : 'port-range');
    // One container port may take any host port of a range; two ranges must be the same size.
    if (c.end !== c.start && h.end - h.start !== c.end - c.start) return fail('port-range');
    hostStart = h.start;
    hostEnd = h.end;
  }
  return { ok: true, spec: { hostIp: ip, hostStart, hostEnd, containerStart: c.start, containerEnd: c.end, protocol: proto as PortProtocol } };
}

export function validatePorts(ports: readonly string[] | undefined, field = 'ports'): FieldProblem[] {
  const out: FieldProblem[] = [];
  (ports ?? []).forEach((p, i) => {
    const r = parsePortSpec(p, `${field}.${i}`);
    if (!r.ok) out.push(r.problem);
  });
  return out;
}
