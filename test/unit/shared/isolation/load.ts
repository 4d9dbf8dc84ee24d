// Loads the recorded answers under test/fixtures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawInfo } from '../../../../src/shared/engine-api';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function loadJson<T>(relative: string): T {
  return JSON.parse(readFileSync(FIXTURES + relative, 'utf8')) as T;
}

export type RecordedEngine = 'windows-server-2022' | 'docker-desktop-wsl2' | 'linux-gvisor-centos7';

export function loadInfo(name: RecordedEngine): RawInfo {
  return loadJson<RawInfo>(`engine-info/${name}.json`);
}
