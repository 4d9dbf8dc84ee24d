// The Windows build rules against the documented matrix (docs/isolation.md, "Version compatibility").
import { describe, expect, it } from 'vitest';
import {
  checkWindowsCompat,
  parseHostVersion,
  parseImageOsVersion,
  processIsolationWindow,
  type WindowsVersion,
} from '../../../../src/shared/isolation/windows-compat';
import { loadInfo } from './load';

const host = (build: number, revision: number | null = null): WindowsVersion => ({ major: 10, minor: 0, build, revision });
const image = (build: number): string => `10.0.${build}.1000`;
const runs = (imageBuild: number, hostBuild: number) => {
  const c = checkWindowsCompat(image(imageBuild), host(hostBuild));
  return { process: c.process.ok, hyperv: c.hyperv.ok };
};

describe('reading versions', () => {
  it('reads an image OsVersion with and without its revision', () => {
    expect(parseImageOsVersion('10.0.20348.2762')).toEqual({ major: 10, minor: 0, build: 20348, revision: 2762 });
    expect(parseImageOsVersion('10.0.17763')).toEqual({ major: 10, minor: 0, build: 17763, revision: null });
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['', 'linux', '10.0', '20348', 'ten.zero.20348', undefined, null]) {
      expect(parseImageOsVersion(bad)).toBeNull();
    }
  });

  it('reads the host from the recorded Windows Server 2022 answer: build from the kernel, revision from the OS build', () => {
    expect(parseHostVersion(loadInfo('windows-server-2022'))).toEqual({ major: 10, minor: 0, build: 20348, revision: 707 });
  });

  it('reads the host from OperatingSystem alone, without inventing major.minor', () => {
    expect(parseHostVersion({ OperatingSystem: 'Windows 10 Pro Version 2009 (OS Build 19045.3570)' })).toEqual({
      major: null,
      minor: null,
      build: 19045,
      revision: 3570,
    });
  });

  it('reads a dotted OSVersion', () => {
    expect(parseHostVersion({ OSVersion: '10.0.26100.1742' })).toEqual({ major: 10, minor: 0, build: 26100, revision: 1742 });
  });
});

describe('the LTSC window', () => {
  it('is the host build alone below 20348 and on 20348 itself', () => {
    expect(processIsolationWindow(17763)).toEqual({ minBuild: 17763, maxBuild: 17763 });
    expect(processIsolationWindow(20348)).toEqual({ minBuild: 20348, maxBuild: 20348 });
  });

  it('starts at the previous LTSC above 20348', () => {
    expect(processIsolationWindow(22621)).toEqual({ minBuild: 20348, maxBuild: 22621 });
    expect(processIsolationWindow(26100)).toEqual({ minBuild: 20348, maxBuild: 26100 });
    expect(processIsolationWindow(26200)).toEqual({ minBuild: 26100, maxBuild: 26200 });
  });
});

describe('the documented matrix', () => {
  it('a Server 2022 host (20348) runs 20348 only under process isolation', () => {
    expect(runs(20348, 20348).process).toBe(true);
    expect(runs(17763, 20348).process).toBe(false);
    expect(runs(22621, 20348).process).toBe(false);
  });

  it('a Windows 11 22621 host runs 20348 to 22621 under process isolation', () => {
    for (const b of [20348, 22000, 22621]) expect(runs(b, 22621).process).toBe(true);
    for (const b of [17763, 19041, 26100]) expect(runs(b, 22621).process).toBe(false);
  });

  it('a 26100 host runs 20348 to 26100 under process isolation', () => {
    for (const b of [20348, 22621, 26100]) expect(runs(b, 26100).process).toBe(true);
    for (const b of [17763, 26200]) expect(runs(b, 26100).process).toBe(false);
  });

  it('a host below 20348 (17763) needs an exact build match', () => {
    expect(runs(17763, 17763).process).toBe(true);
    expect(runs(17134, 17763).process).toBe(false);
    expect(runs(18362, 17763).process).toBe(false);
  });

  it('Hyper-V runs older images on newer hosts, not newer images on older hosts', () => {
    expect(runs(17763, 20348).hyperv).toBe(true);
    expect(runs(14393, 26100).hyperv).toBe(true);
    expect(runs(20348, 20348).hyperv).toBe(true);
    expect(runs(20348, 17763).hyperv).toBe(false);
    expect(runs(26100, 22621).hyperv).toBe(false);
  });
});

describe('verdicts as codes with parameters', () => {
  it('an older image on Server 2022: process says mismatch and points at Hyper-V', () => {
    const c = checkWindowsCompat({ Os: 'windows', OsVersion: '10.0.17763.1817' }, loadInfo('windows-server-2022'));
    expect(c.process).toEqual({
      mode: 'process',
      ok: false,
      reason: 'image-build-mismatch',
      params: {
        imageBuild: 17763,
        hostBuild: 20348,
        imageVersion: '10.0.17763.1817',
        hostVersion: '10.0.20348.707',
        minBuild: 20348,
        maxBuild: 20348,
        alternative: 'hyperv',
      },
    });
    expect(c.hyperv).toMatchObject({ mode: 'hyperv', ok: true, reason: 'older-image-in-vm' });
  });

  it('a newer image: neither mode, and no alternative to offer', () => {
    const c = checkWindowsCompat(image(26100), host(20348));
    expect(c.process).toMatchObject({ ok: false, reason: 'image-newer-than-host', params: { alternative: null } });
    expect(c.hyperv).toMatchObject({ ok: false, reason: 'image-newer-than-host' });
  });

  it('an image in the window says so', () => {
    expect(checkWindowsCompat(image(20348), host(22621)).process).toMatchObject({
      ok: true,
      reason: 'within-ltsc-window',
      params: { minBuild: 20348, maxBuild: 22621 },
    });
    expect(checkWindowsCompat(image(22621), host(22621)).process.reason).toBe('same-build');
  });

  it('another major.minor is refused in both modes', () => {
    const c = checkWindowsCompat('6.3.9600.1', host(20348));
    expect(c.process.reason).toBe('os-version-mismatch');
    expect(c.hyperv.reason).toBe('os-version-mismatch');
  });

  it('a Windows 10 client older than 17763 has no process isolation at all', () => {
    const c = checkWindowsCompat(image(17134), host(17134), 'windows-client');
    expect(c.process).toMatchObject({ ok: false, reason: 'process-isolation-unsupported', params: { minBuild: 17763, alternative: 'hyperv' } });
    expect(c.hyperv.ok).toBe(true);
    // A Windows Server of that age runs its own build in a process.
    expect(checkWindowsCompat(image(17134), host(17134), 'windows-server').process.ok).toBe(true);
  });

  it('unreadable versions give an honest unknown, never a guess', () => {
    const noImage = checkWindowsCompat({ Os: 'windows' }, host(20348));
    expect(noImage.process).toMatchObject({ ok: null, reason: 'unknown-image-version' });
    expect(noImage.hyperv).toMatchObject({ ok: null, reason: 'unknown-image-version' });
    const noHost = checkWindowsCompat(image(20348), { OSType: 'windows', KernelVersion: 'unknown' });
    expect(noHost.process).toMatchObject({ ok: null, reason: 'unknown-host-version', params: { imageBuild: 20348, hostBuild: null } });
    expect(checkWindowsCompat(image(20348), null).hyperv.ok).toBeNull();
  });
});
