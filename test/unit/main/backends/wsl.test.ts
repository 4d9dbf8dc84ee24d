// `wsl.exe -l -v` as its real bytes on a pipe: the recorded table (test/fixtures/windows,
// microsoft/WSL#4385) turned into UTF-16LE with and without a BOM, and UTF-8 for WSL_UTF8=1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWslOutput, listWslDistros, parseWslList, withDockerIntegration } from '../../../../src/main/backends/wsl';
import { exit, recordingRunner } from './desktop-layout';

const TEXT = readFileSync(join(__dirname, '../../../fixtures/windows/wsl-list-verbose.txt'), 'utf8');
const UTF16 = Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf16le');
const BOM = Buffer.concat([Buffer.from([0xff, 0xfe]), UTF16]);
const UBUNTU = { name: 'Ubuntu', stateText: 'Running', state: 'running', version: 2, isDefault: true };

describe('decodeWslOutput and parseWslList', () => {
  it.each([
    ['UTF-16LE without a BOM', UTF16],
    ['UTF-16LE with a BOM', BOM],
    ['UTF-8 (WSL_UTF8=1)', Buffer.from(TEXT, 'utf8')],
  ])('reads %s', (_name, bytes) => {
    expect(parseWslList(decodeWslOutput(bytes))).toEqual([UBUNTU]);
  });

  it('keeps the NUL bytes out of the text', () => {
    expect(decodeWslOutput(UTF16)).not.toContain('\0');
    expect(decodeWslOutput(UTF16).split('\r\n')[0]).toBe('  NAME      STATE           VERSION');
  });

  it('reads several distributions, the default anywhere, and states it does not know (localized)', () => {
    // Constructed in the recorded layout: wsl.exe pads columns to the widest entry.
    const table = [
      '  NAME                   STATE              VERSION',
      '  docker-desktop-data    Running            2',
      '* Debian                 Stopped            2',
      '  docker-desktop         Running            2',
      '  Ubuntu-18.04           Wird ausgeführt    1',
      '',
    ].join('\r\n');
    expect(parseWslList(decodeWslOutput(Buffer.from(table, 'utf16le')))).toEqual([
      { name: 'docker-desktop-data', stateText: 'Running', state: 'running', version: 2, isDefault: false },
      { name: 'Debian', stateText: 'Stopped', state: 'stopped', version: 2, isDefault: true },
      { name: 'docker-desktop', stateText: 'Running', state: 'running', version: 2, isDefault: false },
      { name: 'Ubuntu-18.04', stateText: 'Wird ausgeführt', state: 'other', version: 1, isDefault: false },
    ]);
  });
});

describe('withDockerIntegration', () => {
  const rows = parseWslList('  NAME STATE VERSION\n* Ubuntu Running 2\n  Debian Stopped 2\n  docker-desktop Running 2\n');

  it('marks the listed distributions and the default one when Desktop integrates with it', () => {
    const distros = withDockerIntegration(rows, { integratedWslDistros: ['debian'], enableIntegrationWithDefaultWslDistro: true });
    expect(distros.map((d) => [d.name, d.dockerIntegration, d.dockerInternal])).toEqual([
      ['Ubuntu', true, false],
      ['Debian', true, false],
      ['docker-desktop', false, true],
    ]);
  });

  it('leaves the default out when that integration is off', () => {
    const distros = withDockerIntegration(rows, { integratedWslDistros: [], enableIntegrationWithDefaultWslDistro: false });
    expect(distros.filter((d) => d.dockerIntegration)).toEqual([]);
  });
});

describe('listWslDistros', () => {
  const wslExe = 'C:\\Windows\\System32\\wsl.exe';
  const settings = { integratedWslDistros: [], enableIntegrationWithDefaultWslDistro: true };

  it('runs exactly `wsl.exe -l -v` and reads its UTF-16LE answer', async () => {
    const runner = recordingRunner(() => exit(0, BOM));
    const report = await listWslDistros({ runner, wslExe, settings });
    expect(runner.calls).toEqual([[wslExe, '-l', '-v']]);
    expect(report).toEqual({
      available: true,
      distros: [{ ...UBUNTU, dockerIntegration: true, dockerInternal: false }],
      message: null,
      integrationKnown: true,
    });
  });

  it('passes on wsl.exe’s words when it lists nothing', async () => {
    const words = 'Windows Subsystem for Linux has no installed distributions.\r\n';
    const runner = recordingRunner(() => exit(1, Buffer.from(words, 'utf16le')));
    expect(await listWslDistros({ runner, wslExe, settings: null })).toEqual({ available: true, distros: [], message: words.trim(), integrationKnown: false });
  });

  it('says WSL is not there when wsl.exe is missing', async () => {
    const runner = { run: async () => Promise.reject(Object.assign(new Error('spawn wsl.exe ENOENT'), { code: 'ENOENT' })) };
    expect(await listWslDistros({ runner, wslExe, settings })).toEqual({ available: false, distros: [], message: null, integrationKnown: false });
  });
});
