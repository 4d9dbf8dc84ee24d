import { describe, expect, it } from 'vitest';
import { cookieToken, hostAllowed, newToken, originAllowed, tokensEqual } from '../../../../src/main/web/guard';

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

  it('reads its cookie among others', () => {
    expect(cookieToken('a=1; silo_token=abc; b=2')).toBe('abc');
    expect(cookieToken('silo_tokenx=abc')).toBeNull();
    expect(cookieToken(undefined)).toBeNull();
  });
});
