import { describe, expect, it } from 'vitest';
import { bannerMessage } from '../../../src/renderer/format/connection';
import { isLive } from '../../../src/renderer/stores/selectors/engine';
import { translator } from '../../../src/renderer/i18n';
import type { HostLink } from '../../../src/renderer/api';
import type { ConnectionState, EngineSnapshot } from '../../../src/shared/model/engine';

const en = translator('en');
const es = translator('es');
const open: HostLink = { state: 'open', attempt: 0, retryAt: null };
const endpoint = {
  id: 'unix:///var/run/docker.sock',
  name: 'default',
  host: 'unix:///var/run/docker.sock',
  source: 'default' as const,
  flavor: 'linux',
  tls: false,
  active: true,
};

function snapshot(connection: Partial<ConnectionState>, withEndpoint = true): EngineSnapshot {
  return {
    endpoint: withEndpoint ? endpoint : null,
    connection: { phase: 'connected', error: null, apiVersion: '1.41', attempt: 0, nextAttemptAt: null, ...connection },
    info: null,
  };
}

describe('bannerMessage', () => {
  it('speaks of the link to Silo first', () => {
    expect(bannerMessage({ state: 'connecting', attempt: 0, retryAt: null }, null, en)).toEqual({ tone: 'busy', text: 'Connecting to Silo…' });
    expect(bannerMessage({ state: 'lost', attempt: 3, retryAt: 1 }, snapshot({}), en)).toEqual({
      tone: 'bad',
      text: 'The connection to Silo was lost. Reconnecting (attempt 3)…',
    });
    expect(bannerMessage(open, null, en).tone).toBe('busy');
  });

  it('then of the engine: connecting, connected, reconnecting, unreachable with the reason', () => {
    expect(bannerMessage(open, snapshot({ phase: 'connecting', apiVersion: null }), en).text).toBe('Connecting to default…');
    expect(bannerMessage(open, snapshot({}), en)).toEqual({ tone: 'ok', text: 'Connected to default · Engine API 1.41' });
    // Just lost: no attempt has failed yet, the one under way is the first (never "attempt 0").
    expect(bannerMessage(open, snapshot({ phase: 'reconnecting', attempt: 0, error: { code: 'engine-timeout' } }), en).text).toBe(
      'Lost the connection to default. The engine took too long to answer. Reconnecting (attempt 1)…',
    );
    expect(bannerMessage(open, snapshot({ phase: 'reconnecting', attempt: 2, error: { code: 'engine-timeout' } }), en).text).toBe(
      'Lost the connection to default. The engine took too long to answer. Reconnecting (attempt 3)…',
    );
    expect(bannerMessage(open, snapshot({ phase: 'unreachable', error: { code: 'engine-permission-denied' } }), en).text).toBe(
      "default is unreachable. You are not allowed to use this engine's socket. Ask for access to it (for example, membership of the docker group).",
    );
    expect(bannerMessage(open, snapshot({ phase: 'unreachable', error: { code: 'no-engine' } }, false), en).text).toBe(
      'No Docker engine was found on this machine.',
    );
  });

  it('in Spanish', () => {
    expect(bannerMessage(open, snapshot({}), es).text).toBe('Conectado a default · API del motor 1.41');
    expect(bannerMessage({ state: 'lost', attempt: 1, retryAt: 1 }, null, es).text).toBe('Se perdió la conexión con Silo. Reconectando (intento 1)…');
  });
});

describe('isLive', () => {
  it('needs both the link to Silo and the engine', () => {
    expect(isLive(open, snapshot({}))).toBe(true);
    expect(isLive(open, snapshot({ phase: 'reconnecting' }))).toBe(false);
    expect(isLive({ state: 'lost', attempt: 1, retryAt: 0 }, snapshot({}))).toBe(false);
    expect(isLive(open, null)).toBe(false);
  });
});
