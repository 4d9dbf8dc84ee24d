// The boundary rules of a Linux container's own settings (HostConfig, Config.User): what weakens
// it (docs/isolation.md, "The effective boundary") and what strengthens it. Host paths and the
// engine's socket are boundary-paths.ts's; judging by rung is boundary-reach.ts's.
import type { RawContainerInspect } from '../engine-api';
import type { Hardening } from '../model/engine';
import { capName, capSeverity, DEFAULT_CAPS } from './boundary-caps';
import { strengthens, unknown, weakens, type Draft } from './boundary-draft';
import { SOURCES } from './boundary-sources';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** `seccomp=unconfined`, the old `seccomp:unconfined`, `no-new-privileges` alone or `=true`/`:true`. */
function securityOpts(raw: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const opt of list(raw)) {
    const m = /^([^=:]+)(?:[=:](.*))?$/.exec(opt.trim());
    if (m) out.set((m[1] ?? '').toLowerCase(), (m[2] ?? 'true').trim().toLowerCase());
  }
  return out;
}

/** Root in the container: no user, `0`, `root`, `0:…`, `root:…`. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0] ?? '';
  return name === '' || name === '0' || name === 'root';
}

/** Block devices and memory read past every permission; other devices reach one piece of hardware. */
const RAW_DEVICE = /^\/dev\/(sd|hd|vd|xvd|nvme|mmcblk|dm-|loop|md|mem$|kmem$|port$|kmsg$|disk\/)/;

export function linuxDrafts(inspect: RawContainerInspect, hardening: Hardening | null): Draft[] {
  const hc = inspect.HostConfig;
  if (!hc) return [unknown('settings-unknown', 'HostConfig', SOURCES.inspect)];
  const out: Draft[] = [];
  const privileged = hc.Privileged === true;
  if (privileged) out.push(weakens('privileged', 'kernel', 'critical', '--privileged', SOURCES.privileged));

  if (hc['UTSMode'] === 'host') out.push(weakens('uts-host', 'kernel', 'medium', 'uts: host', SOURCES.utsHost));
  const remapped = hardening?.userns === true;
  if (hc['UsernsMode'] === 'host' && remapped) out.push(weakens('userns-host', 'kernel', 'high', 'userns: host', SOURCES.usernsHost));

  const dropped = new Set(list(hc.CapDrop).map(capName));
  if (!privileged) {
    for (const cap of new Set(list(hc.CapAdd).map(capName))) {
      // Docker's default set is every container's anyway (given back after a drop too).
      if (cap === '' || DEFAULT_CAPS.has(cap)) continue;
      out.push(weakens('cap-add', 'kernel', capSeverity(cap), `--cap-add ${cap}`, SOURCES.capAdd, cap));
    }
  }

  const opts = securityOpts(hc.SecurityOpt);
  if (!privileged) {
    const seccomp = opts.get('seccomp');
    if (seccomp === 'unconfined') out.push(weakens('seccomp-unconfined', 'kernel', 'high', 'seccomp=unconfined', SOURCES.seccomp));
    // The engine's own default (daemon.json "seccomp-profile": "unconfined") reaches every container that sets none.
    else if (seccomp === undefined && hardening?.seccompProfile === 'unconfined')
      out.push(weakens('seccomp-unconfined', 'kernel', 'high', 'daemon: seccomp-profile unconfined', SOURCES.seccomp));
    if (opts.get('apparmor') === 'unconfined') out.push(weakens('apparmor-unconfined', 'kernel', 'medium', 'apparmor=unconfined', SOURCES.apparmor));
    if (opts.get('label') === 'disable') out.push(weakens('label-disable', 'kernel', 'medium', 'label=disable', SOURCES.label));
    for (const d of Array.isArray(hc.Devices) ? hc.Devices : []) {
      const path = typeof d?.PathOnHost === 'string' ? d.PathOnHost : '';
      if (path === '') continue;
      const severity = RAW_DEVICE.test(path) ? 'critical' : 'medium';
      out.push(weakens('device', 'kernel', severity, `--device ${path}:${d.PathInContainer ?? path}`, SOURCES.device, path));
    }
  }
  for (const r of Array.isArray(hc.DeviceRequests) ? hc.DeviceRequests : []) {
    if (r) out.push(weakens('gpu', 'kernel', 'low', `--gpus ${r.Driver || (r.Count === -1 ? 'all' : String(r.Count ?? ''))}`.trim(), SOURCES.gpu));
  }

  const user = inspect.Config?.User;
  const rootless = hardening?.rootless === true;
  if (typeof user !== 'string') out.push(unknown('user-unknown', 'User', SOURCES.user));
  else if (!isRootUser(user)) out.push(strengthens('non-root-user', `--user ${user}`, SOURCES.user));
  else if (!rootless && !(remapped && hc['UsernsMode'] !== 'host'))
    out.push(weakens('root-user', 'kernel', 'low', user === '' ? 'user: root' : `--user ${user}`, SOURCES.user));

  const memory = hc['Memory'];
  if (memory === 0 || memory === null) out.push(weakens('no-memory-limit', 'resources', 'low', 'memory: 0', SOURCES.memory));
  else if (typeof memory !== 'number') out.push(unknown('settings-unknown', 'Memory', SOURCES.memory));
  const pids = hc['PidsLimit'];
  if (pids === null || pids === undefined || pids === 0 || pids === -1)
    out.push(weakens('no-pids-limit', 'resources', 'low', 'pids-limit: none', SOURCES.pids));

  if (hc['ReadonlyRootfs'] === true) out.push(strengthens('read-only-rootfs', '--read-only', SOURCES.readOnly));
  if (dropped.has('ALL') && !privileged) out.push(strengthens('cap-drop-all', '--cap-drop ALL', SOURCES.capDropAll));
  const nnp = opts.get('no-new-privileges');
  if ((nnp !== undefined && nnp !== 'false') || (nnp === undefined && hardening?.noNewPrivileges === true)) {
    out.push(strengthens('no-new-privileges', nnp !== undefined ? 'no-new-privileges' : 'daemon: no-new-privileges', SOURCES.noNewPrivileges));
  }
  if (rootless) out.push(strengthens('rootless-engine', 'rootless', SOURCES.rootless));
  else if (remapped && hc['UsernsMode'] !== 'host') out.push(strengthens('userns-engine', 'userns-remap', SOURCES.userns));
  return out;
}
