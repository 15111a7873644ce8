import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/platform';
import type { UnsubscribeLinks } from '../deliveries/mail-composer';
import { OPTIONAL_KINDS, type OptionalKind } from '../notification.constants';

/** How long an unsubscribe link in an email keeps working. */
export const UNSUBSCRIBE_TOKEN_DAYS = 90;
const DAY = 86_400_000;
const VERSION = 'u1';

export type UnsubscribeCheck =
  { valid: true; userId: string; kind: OptionalKind } | { valid: false; reason: 'invalid' | 'expired' };

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * Signed links that switch one kind of optional message off without logging in: `u1.<payload>.<HMAC>`, the
 * payload naming the person, the kind and the expiry. The key is derived from JWT_SECRET for this one purpose,
 * so a token of another kind (an access token) can never pass as one, nor one of these as an access token.
 */
@Injectable()
export class UnsubscribeTokens implements UnsubscribeLinks {
  private readonly key: Buffer;
  private readonly baseUrl: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'jwtSecret' | 'publicUrl'>) {
    this.key = createHmac('sha256', config.jwtSecret).update('academy:notification:unsubscribe:v1').digest();
    this.baseUrl = config.publicUrl.replace(/\/$/, '');
  }

  sign(userId: string, kind: OptionalKind, now = new Date()): string {
    const expires = Math.floor((now.getTime() + UNSUBSCRIBE_TOKEN_DAYS * DAY) / 1000);
    const payload = base64url(JSON.stringify({ u: userId, k: kind, e: expires }));
    return `${VERSION}.${payload}.${this.mac(payload)}`;
  }

  verify(token: unknown, now = new Date()): UnsubscribeCheck {
    if (typeof token !== 'string' || token.length > 400) return { valid: false, reason: 'invalid' };
    const [version, payload, mac, ...rest] = token.split('.');
    if (version !== VERSION || !payload || !mac || rest.length) return { valid: false, reason: 'invalid' };
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { valid: false, reason: 'invalid' };
    }
    let claims: { u?: unknown; k?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return { valid: false, reason: 'invalid' };
    }
    if (
      typeof claims.u !== 'string' ||
      typeof claims.e !== 'number' ||
      !(OPTIONAL_KINDS as readonly unknown[]).includes(claims.k)
    ) {
      return { valid: false, reason: 'invalid' };
    }
    if (claims.e * 1000 <= now.getTime()) return { valid: false, reason: 'expired' };
    return { valid: true, userId: claims.u, kind: claims.k as OptionalKind };
  }

  /** The page a person lands on from an email; the same address takes RFC 8058's one-click POST. */
  urlFor(recipientId: string, optional: OptionalKind): string {
    return `${this.baseUrl}/notifications/unsubscribe?token=${encodeURIComponent(this.sign(recipientId, optional))}`;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
