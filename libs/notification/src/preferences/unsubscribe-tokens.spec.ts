import { UnsubscribeTokens, UNSUBSCRIBE_TOKEN_DAYS } from './unsubscribe-tokens';

const DAY = 86_400_000;
const config = {
  jwtSecret: 'a-test-secret-of-enough-length-0123456789',
  publicUrl: 'https://academie.example.org/',
};

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens(config);
  const now = new Date('2026-12-01T10:00:00Z');

  it('names the person and the one kind of message it switches off', () => {
    const token = tokens.sign('3f0c6c1e-1111-4222-8333-944455556666', 'digest', now);
    expect(tokens.verify(token, now)).toEqual({
      valid: true,
      userId: '3f0c6c1e-1111-4222-8333-944455556666',
      kind: 'digest',
    });
  });

  it('refuses a token whose payload or signature was changed', () => {
    const token = tokens.sign('user-a', 'reminder', now);
    const [version, payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'user-b', k: 'reminder', e: 4_102_444_800 })).toString(
      'base64url',
    );
    expect(tokens.verify(`${version}.${forged}.${mac}`, now)).toEqual({ valid: false, reason: 'invalid' });
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(tokens.verify(`${version}.${payload}.${flipped}`, now)).toEqual({
      valid: false,
      reason: 'invalid',
    });
    for (const junk of ['', 'u1..', 'u1.x.y.z', 'not a token', 42, undefined, 'x'.repeat(1000)]) {
      expect(tokens.verify(junk, now)).toEqual({ valid: false, reason: 'invalid' });
    }
  });

  it('refuses a token signed with another key', () => {
    const other = new UnsubscribeTokens({
      ...config,
      jwtSecret: 'another-secret-of-enough-length-9876543210',
    });
    expect(tokens.verify(other.sign('user-a', 'reminder', now), now)).toEqual({
      valid: false,
      reason: 'invalid',
    });
  });

  it('expires', () => {
    const token = tokens.sign('user-a', 'reminder', now);
    const later = (days: number) => new Date(now.getTime() + days * DAY);
    expect(tokens.verify(token, later(UNSUBSCRIBE_TOKEN_DAYS - 1)).valid).toBe(true);
    expect(tokens.verify(token, later(UNSUBSCRIBE_TOKEN_DAYS + 1))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('makes a link to the unsubscribe page of the academy', () => {
    const url = new URL(tokens.urlFor('user-a', 'reminder'));
    expect(url.origin + url.pathname).toBe('https://academie.example.org/notifications/unsubscribe');
    expect(tokens.verify(url.searchParams.get('token')).valid).toBe(true);
  });
});
