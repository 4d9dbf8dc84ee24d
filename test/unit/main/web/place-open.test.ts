// The browser host's event fan-out carries `place.open` like every other event: a real hub and a
// real WebSocket on loopback, no engine (the hub's engine is plain data).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SessionHub } from '../../../../src/main/host/sessions';
import { PreferencesStore } from '../../../../src/main/preferences/store';
import { startWebHost, type WebHost } from '../../../../src/main/web/server';
import { snapshot } from '../tray/fixtures';

let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

describe('the browser host', () => {
  it('passes place.open from the hub to a started page', async () => {
    const engine = { endpoints: () => [], snapshot: () => snapshot('connected'), containers: () => [], on: () => () => undefined };
    const hub = new SessionHub(engine as never, new PreferencesStore(mkdtempSync(join(tmpdir(), 'silo-web-'))), { on: () => () => undefined } as never);
    const token = 'a'.repeat(64);
    host = await startWebHost({ hub, staticDir: mkdtempSync(join(tmpdir(), 'silo-static-')), port: 0, token });
    const signIn = await fetch(`http://127.0.0.1:${host.port}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: token }),
    });
    const { secret } = (await signIn.json()) as { secret: string };
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, ['silo', secret], { headers: { Origin: `http://127.0.0.1:${host.port}` } });
    const messages: Array<{ id?: number; event?: string; payload?: unknown }> = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    ws.send(JSON.stringify({ id: 1, call: 'session.start', args: {} }));
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => messages.some((m) => m.id === 1));
    hub.openPlace({ view: 'containers', container: 'web', tab: 'logs' });
    await until(() => messages.some((m) => m.event === 'place.open'));
    expect(messages.find((m) => m.event === 'place.open')?.payload).toEqual({ place: { view: 'containers', container: 'web', tab: 'logs' } });
    ws.close();
  });
});
