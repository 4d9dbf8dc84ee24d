// Loads recorded and constructed engine answers for the re-create tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawContainerInspect, RawInfo } from '../../../../src/shared/engine-api';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function loadJson<T>(relative: string): T {
  return JSON.parse(readFileSync(FIXTURES + relative, 'utf8')) as T;
}

export function loadInfo(name: 'windows-server-2022' | 'docker-desktop-wsl2' | 'linux-gvisor-centos7'): RawInfo {
  return loadJson<RawInfo>(`engine-info/${name}.json`);
}

/** A container inspect answer under test/fixtures/recreate, as a fresh copy each time. */
export function loadInspect(name: string): RawContainerInspect {
  return loadJson<RawContainerInspect>(`recreate/${name}.json`);
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
