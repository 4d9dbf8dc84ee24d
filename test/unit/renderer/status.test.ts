import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/renderer/i18n';
import { describeStatus, statusRefreshDelay } from '../../../src/renderer/format/status';
import { humanDuration } from '../../../src/renderer/format/duration';
import { describePorts } from '../../../src/renderer/format/ports';
import { describeIsolation } from '../../../src/renderer/format/isolation';
import { describeError } from '../../../src/renderer/format/errors';
import type { ContainerStateDetail, ContainerSummary } from '../../../src/shared/model/container';

const en = translator('en');
const es = translator('es');
const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

const detail = (over: Partial<ContainerStateDetail>): ContainerStateDetail => ({
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  oomKilled: false,
  health: null,
  restartCount: 0,
  ...over,
});
type Status = Pick<ContainerSummary, 'state' | 'statusText' | 'detail'>;
const status = (state: ContainerSummary['state'], d: ContainerStateDetail | null, statusText = 'Up 5 minutes'): Status => ({ state, statusText, detail: d });

describe('humanDuration', () => {
  it('words durations as the docker CLI does, in English', () => {
    expect(humanDuration(500, en)).toBe('less than a second');
    expect(humanDuration(1 * s, en)).toBe('1 second');
    expect(humanDuration(42 * s, en)).toBe('42 seconds');
    expect(humanDuration(90 * s, en)).toBe('about a minute');
    expect(humanDuration(5 * m, en)).toBe('5 minutes');
    expect(humanDuration(h + 10 * m, en)).toBe('about an hour');
    expect(humanDuration(3 * h, en)).toBe('3 hours');
    expect(humanDuration(47 * h, en)).toBe('47 hours');
    expect(humanDuration(3 * d, en)).toBe('3 days');
    expect(humanDuration(20 * d, en)).toBe('2 weeks');
    expect(humanDuration(90 * d, en)).toBe('3 months');
    expect(humanDuration(800 * d, en)).toBe('2 years');
  });

  it('in Spanish', () => {
    expect(humanDuration(500, es)).toBe('menos de un segundo');
    expect(humanDuration(1 * s, es)).toBe('1 segundo');
    expect(humanDuration(5 * m, es)).toBe('5 minutos');
    expect(humanDuration(90 * s, es)).toBe('un minuto');
    expect(humanDuration(3 * d, es)).toBe('3 días');
    expect(humanDuration(40 * d, es)).toBe('5 semanas');
    expect(humanDuration(800 * d, es)).toBe('2 años');
  });

  it('never goes negative (a clock slightly behind the engine)', () => {
    expect(humanDuration(-3 * s, en)).toBe('less than a second');
  });
});

describe('describeStatus', () => {
  it('shows the engine status text until the details arrive', () => {
    expect(describeStatus(status('running', null, 'Up 2 hours (healthy)'), NOW, en)).toBe('Up 2 hours (healthy)');
    expect(describeStatus(status('running', null, 'Up 2 hours (healthy)'), NOW, es)).toBe('Up 2 hours (healthy)');
  });

  it('words running, paused, exited, restarting and the rest in English', () => {
    expect(describeStatus(status('running', detail({ startedAt: NOW - 5 * m })), NOW, en)).toBe('Up 5 minutes');
    expect(describeStatus(status('running', detail({ startedAt: NOW - 5 * m, health: 'healthy' })), NOW, en)).toBe('Up 5 minutes (healthy)');
    expect(describeStatus(status('paused', detail({ startedAt: NOW - 2 * h })), NOW, en)).toBe('Up 2 hours (paused)');
    expect(describeStatus(status('exited', detail({ finishedAt: NOW - 3 * m, exitCode: 0 })), NOW, en)).toBe('Exited (0) 3 minutes ago');
    expect(describeStatus(status('exited', detail({ finishedAt: NOW - 3 * m, exitCode: 137, oomKilled: true })), NOW, en)).toBe(
      'Exited (137, out of memory) 3 minutes ago',
    );
    expect(describeStatus(status('exited', detail({ exitCode: 1 })), NOW, en)).toBe('Exited (1)');
    expect(describeStatus(status('restarting', detail({ finishedAt: NOW - 10 * s, exitCode: 2 })), NOW, en)).toBe('Restarting (2) 10 seconds ago');
    expect(describeStatus(status('created', detail({})), NOW, en)).toBe('Created');
    expect(describeStatus(status('removing', detail({})), NOW, en)).toBe('Removal in progress');
    expect(describeStatus(status('dead', detail({})), NOW, en)).toBe('Dead');
  });

  it('words them in Spanish', () => {
    expect(describeStatus(status('running', detail({ startedAt: NOW - 5 * m })), NOW, es)).toBe('En marcha desde hace 5 minutos');
    expect(describeStatus(status('running', detail({ startedAt: NOW - 5 * m, health: 'unhealthy' })), NOW, es)).toBe(
      'En marcha desde hace 5 minutos (con problemas)',
    );
    expect(describeStatus(status('paused', detail({ startedAt: NOW - 1 * m })), NOW, es)).toBe('En pausa, en marcha desde hace un minuto');
    expect(describeStatus(status('exited', detail({ finishedAt: NOW - 3 * m, exitCode: 0 })), NOW, es)).toBe('Terminó (0) hace 3 minutos');
    expect(describeStatus(status('created', detail({})), NOW, es)).toBe('Creado');
  });

  it('re-words relative times as the clock moves', () => {
    const c = status('exited', detail({ finishedAt: NOW, exitCode: 0 }));
    expect(describeStatus(c, NOW + 2 * m, en)).toBe('Exited (0) 2 minutes ago');
    expect(describeStatus(c, NOW + 3 * h, en)).toBe('Exited (0) 3 hours ago');
  });
});

describe('other wording', () => {
  it('words ports compactly, once per distinct binding', () => {
    const ports = [
      { privatePort: 80, publicPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' },
      { privatePort: 80, publicPort: 8080, hostIp: '::', protocol: 'tcp' },
      { privatePort: 53, publicPort: 5353, hostIp: '127.0.0.1', protocol: 'udp' },
      { privatePort: 9000, publicPort: null, hostIp: null, protocol: 'tcp' },
    ];
    expect(describePorts(ports, en)).toBe('8080→80/tcp, 127.0.0.1:5353→53/udp, 9000/tcp');
    expect(describePorts([], en)).toBe('');
  });

  it('words isolation as the rung then the mode, "…" while unknown', () => {
    expect(describeIsolation({ rung: 'user-space-kernel', mode: 'runsc', source: 'container' }, en)).toBe('User-space kernel · runsc');
    expect(describeIsolation({ rung: 'virtual-machine', mode: 'hyperv', source: 'daemon-default' }, es)).toBe('Máquina virtual · hyperv');
    expect(describeIsolation(null, en)).toBe('…');
  });

  it('turns error codes into sentences', () => {
    expect(describeError({ code: 'must-stop-container' }, en)).toBe('This container is running: stop it first, or force removal.');
    expect(describeError({ code: 'must-stop-container' }, es)).toBe('Este contenedor está en ejecución: detenlo primero o fuerza la eliminación.');
    expect(describeError(null, en)).toBe('Something went wrong inside Silo.');
    expect(describeError({ code: 'not-a-code' } as never, en)).toBe('Something went wrong inside Silo.');
    // An internal error names what failed.
    expect(describeError({ code: 'internal', detail: 'reading the changes' }, en)).toBe('Something went wrong inside Silo: reading the changes.');
    expect(describeError({ code: 'internal', detail: 'reading the changes' }, es)).toBe('Algo falló dentro de Silo: reading the changes.');
  });
});

describe('statusRefreshDelay', () => {
  it('ticks every second while a shown status is under a minute old, else every minute', () => {
    const old = status('running', detail({ startedAt: NOW - 5 * m }));
    const young = status('exited', detail({ finishedAt: NOW - 10 * s, exitCode: 0 }));
    const undetailed = status('running', null);
    expect(statusRefreshDelay([old, undetailed], NOW)).toBe(60_000);
    expect(statusRefreshDelay([old, young], NOW)).toBe(1_000);
    expect(statusRefreshDelay([young], NOW + 2 * m)).toBe(60_000);
    expect(statusRefreshDelay([], NOW)).toBe(60_000);
  });
});
