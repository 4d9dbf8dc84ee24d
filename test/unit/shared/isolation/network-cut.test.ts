// A runtime registered with --network=none cuts the network of a container that asked for one:
// its published ports serve nothing, so the row must not list them.
import { describe, expect, it } from 'vitest';
import { runtimeCutsNetwork } from '../../../../src/shared/isolation/gvisor-limits';

describe('runtimeCutsNetwork', () => {
  it('is true for a networked container under a runtime registered with --network=none', () => {
    expect(runtimeCutsNetwork({ NetworkMode: 'shop' }, { args: ['--network=none'] })).toBe(true);
    expect(runtimeCutsNetwork({ NetworkMode: 'default' }, { args: ['--network', 'none'] })).toBe(true);
  });

  it('is false when the container has no network anyway, or the runtime keeps it', () => {
    expect(runtimeCutsNetwork({ NetworkMode: 'none' }, { args: ['--network=none'] })).toBe(false);
    expect(runtimeCutsNetwork({ NetworkMode: 'shop' }, { args: [] })).toBe(false);
    expect(runtimeCutsNetwork({ NetworkMode: 'shop' }, { args: ['--network=host'] })).toBe(false);
    expect(runtimeCutsNetwork({ NetworkMode: 'shop' }, null)).toBe(false);
  });
});
