// The isolation ladder (docs/isolation.md, "The ladder"): which rung a runtime or a Windows isolation
// mode stands on. What is not known is said to be `unknown`, never guessed.
import type { RawRuntime } from '../engine-api';
import type { Rung, WindowsIsolation } from '../model/isolation';

/** The last part of a path, with `/` or `\` separators, lowercased, without `.exe`. */
export function baseName(path: string): string {
  const parts = path.trim().split(/[\\/]+/);
  const last = (parts[parts.length - 1] ?? '').toLowerCase();
  return last.endsWith('.exe') ? last.slice(0, -4) : last;
}

/**
 * A containerd shim binary names its runtime type: `containerd-shim-runsc-v1` is
 * `io.containerd.runsc.v1`, `containerd-shim-kata-qemu-v2` is `io.containerd.kata-qemu.v2`.
 */
function shimBinaryToType(base: string): string | null {
  const m = /^containerd-shim-(.+)-(v\d+)$/.exec(base);
  return m ? `io.containerd.${m[1]}.${m[2]}` : null;
}

/** Rung of one word: a runtime name, a binary's base name, or a containerd runtime type. */
function classifyWord(word: string): Rung {
  const w = word.trim().toLowerCase();
  if (w === '') return 'unknown';
  const shim = shimBinaryToType(w);
  if (shim) return classifyWord(shim);

  // containerd runtime types: io.containerd.<name>.v<N>
  const type = /^io\.containerd\.(.+)\.v\d+$/.exec(w);
  if (type) {
    const inner = type[1] ?? '';
    if (inner === 'runc' || inner === 'crun' || inner === 'runtime.v1.linux') return 'shared-kernel';
    if (inner === 'runsc') return 'user-space-kernel';
    if (inner === 'kata' || inner.startsWith('kata-')) return 'virtual-machine';
    if (inner === 'sysbox' || inner === 'sysbox-runc') return 'user-namespaced';
    return 'unknown';
  }
  if (w === 'io.containerd.runtime.v1.linux') return 'shared-kernel';

  if (w === 'runc' || w === 'docker-runc' || w === 'crun') return 'shared-kernel';
  if (w === 'runsc' || w.startsWith('runsc-') || w === 'gvisor') return 'user-space-kernel';
  if (w === 'kata' || w.startsWith('kata-')) return 'virtual-machine';
  if (w === 'sysbox-runc' || w === 'sysbox') return 'user-namespaced';
  return 'unknown';
}

/**
 * The rung of a Linux runtime as `GET /info` lists it. What actually runs decides before the name
 * a person gave it: the runc shim's `BinaryName` option, then the runtime type, then the binary
 * path, then the name.
 */
export function classifyRuntime(name: string, raw?: RawRuntime): Rung {
  const candidates: string[] = [];
  const binaryName = raw?.options?.['BinaryName'] ?? raw?.options?.['binary_name'];
  if (typeof binaryName === 'string' && binaryName.trim() !== '') candidates.push(baseName(binaryName));
  if (typeof raw?.runtimeType === 'string' && raw.runtimeType.trim() !== '') {
    const t = raw.runtimeType.trim();
    // A runtime type may also be given as a path to the shim binary.
    candidates.push(/[\\/]/.test(t) ? baseName(t) : t);
  }
  if (typeof raw?.path === 'string' && raw.path.trim() !== '') candidates.push(baseName(raw.path));
  candidates.push(baseName(name));
  candidates.push(name);
  for (const c of candidates) {
    const rung = classifyWord(c);
    if (rung !== 'unknown') return rung;
  }
  return 'unknown';
}

/** A Windows isolation mode, as `HostConfig.Isolation` or `GET /info` `Isolation` spells it. */
export function parseWindowsIsolation(value: string | null | undefined): WindowsIsolation | null {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'process' || v === 'hyperv' ? v : null;
}

/** Rung of a Windows isolation mode: `process` shares the host kernel, `hyperv` is a VM. */
export function classifyWindowsIsolation(mode: string): Rung {
  const m = parseWindowsIsolation(mode);
  if (m === 'process') return 'shared-kernel';
  if (m === 'hyperv') return 'virtual-machine';
  return 'unknown';
}
