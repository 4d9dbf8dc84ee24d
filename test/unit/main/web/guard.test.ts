import { describe, expect, it } from 'vitest';
import { digestIndex, digestOf, hostAllowed, newToken, originAllowed, protocolSecret, tokensEqual } from '../../../../src/main/web/guard';
import { Credentials } from '../../../../src/main/web/credentials';
import { acceptedLanguage, newAddressPage } from '../../../../src/main/web/words';

describe('browser host guard', () => {
  it('makes tokens of at least 128 random bits, different each time', () => {
    const a = newToken();
    expect(Buffer.from(a, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(a).not.toBe(newToken());
  });

  it('compares tokens exactly', () => {
    const token = newToken();
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(token, token.slice(0, -1))).toBe(false);
    expect(tokensEqual(token, token + 'x')).toBe(false);
    expect(tokensEqual(token, '')).toBe(false);
    expect(tokensEqual(token, null)).toBe(false);
    expect(tokensEqual(token, undefined)).toBe(false);
    expect(digestIndex([digestOf('a'), digestOf(token)], token)).toBe(1);
    expect(digestIndex([digestOf('a')], token)).toBe(-1);
  });

  it('answers only to its own loopback Host (DNS rebinding vectors get refused)', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('[::1]:4000', 4000)).toBe(true);
    for (const host of [
      'evil.com',
      'evil.com:4000',
      'localhost6:4000',
      '10.0.2.555:4000',
      '0177.0.0.1:4000',
      '127.0.0.1:4001',
      '127.0.0.1',
      '127.1:4000',
      undefined,
    ]) {
      expect(hostAllowed(host, 4000)).toBe(false);
    }
  });

  it('accepts only its own Origin', () => {
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed(undefined, 4000)).toBe(true);
    for (const origin of ['http://evil.com', 'http://127.0.0.1:4001', 'https://127.0.0.1:4000', 'null', 'http://127.0.0.1.evil.com:4000', 'file://']) {
      expect(originAllowed(origin, 4000)).toBe(false);
    }
  });

  it('reads the secret only as the second of exactly two WebSocket protocols, Silo’s first', () => {
    expect(protocolSecret('silo, abc')).toBe('abc');
    expect(protocolSecret('silo,abc')).toBe('abc');
    for (const header of [undefined, '', 'silo', 'silo, ', 'abc, silo', 'silo, abc, def', 'x, abc', 'abc', `silo, ${'a'.repeat(3000)}`]) {
      expect(protocolSecret(header), String(header)).toBeNull();
    }
  });
});

describe('browser host credentials', () => {
  it('spends a code once for a secret; a fresh code for each new link; secrets stay valid', () => {
    const credentials = new Credentials('first-code');
    expect(credentials.codeLive('first-code')).toBe(true);
    const secret = credentials.exchange('first-code');
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(credentials.codeLive('first-code')).toBe(false);
    expect(credentials.exchange('first-code')).toBeNull();
    expect(credentials.secretValid(secret)).toBe(true);
    expect(credentials.secretValid('first-code')).toBe(false);
    const next = credentials.issueCode();
    expect(credentials.codeLive(next)).toBe(true);
    expect(credentials.secretValid(next)).toBe(false);
    expect(credentials.exchange(next)).not.toBe(secret);
    expect(credentials.secretValid(secret)).toBe(true);
  });

  it('keeps a bounded number of unused codes, the newest', () => {
    const credentials = new Credentials();
    const codes = Array.from({ length: 40 }, () => credentials.issueCode());
    expect(credentials.codeLive(codes[0])).toBe(false);
    expect(credentials.codeLive(codes[39])).toBe(true);
  });
});

describe('the new-address page', () => {
  it('speaks the browser’s language when Silo does, English otherwise', () => {
    expect(acceptedLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(acceptedLanguage('fr, en;q=0.5, es;q=0.7')).toBe('es');
    expect(acceptedLanguage('es;q=0, en')).toBe('en');
    expect(acceptedLanguage('de')).toBe('en');
    expect(acceptedLanguage(undefined)).toBe('en');
    expect(newAddressPage('es')).toContain('Abre Silo desde una dirección nueva');
    expect(newAddressPage('en')).toContain('npm run start:web -- --new-link');
    expect(newAddressPage('en')).not.toMatch(/<script|<style|style=/);
  });
});
