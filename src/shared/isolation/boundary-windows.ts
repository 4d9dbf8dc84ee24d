// The boundary rules of a Windows container: who it runs as. ContainerAdministrator is the
// container's administrator; ContainerUser is not (Windows, "Run as ContainerUser"). Process
// isolation shares the host's kernel; Hyper-V gives each container its own (the rung says which).
// Engine pipes and the host's drives are found by the root-access rules (boundary-paths.ts).
import type { RawContainerInspect } from '../engine-api';
import { strengthens, unknown, weakens, type Draft } from './boundary-draft';
import { SOURCES } from './boundary-sources';

export function windowsDrafts(inspect: RawContainerInspect): Draft[] {
  const hc = inspect.HostConfig;
  if (!hc) return [unknown('settings-unknown', 'HostConfig', SOURCES.inspect)];
  const out: Draft[] = [];
  const user = inspect.Config?.User;
  if (typeof user !== 'string') out.push(unknown('user-unknown', 'User', SOURCES.windowsUser));
  else {
    // Empty: the image's own user, which the inspect's Config already merges; none there is the administrator.
    const name = user.trim().toLowerCase();
    if (name === '' || name === 'containeradministrator') {
      out.push(weakens('windows-administrator', 'kernel', 'medium', `user: ${user.trim() || 'ContainerAdministrator'}`, SOURCES.windowsUser));
    } else if (name === 'containeruser') out.push(strengthens('windows-user', `--user ${user.trim()}`, SOURCES.windowsUser));
    else out.push(unknown('user-unknown', `--user ${user.trim()}`, SOURCES.windowsUser));
  }
  if (hc['Memory'] === 0) out.push(weakens('no-memory-limit', 'resources', 'low', 'memory: 0', SOURCES.memory));
  return out;
}
