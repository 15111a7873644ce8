import { ConfigError } from '@academy/platform';

/** How the delivery pipeline runs; read from the environment at start (a bad value names its key). */
export interface DeliveryOptions {
  /** Emails sent at once per process (`MAIL_CONCURRENCY`, default 4). */
  concurrency: number;
  /** SMTP attempts before a delivery is dead (`MAIL_MAX_ATTEMPTS`, default 8). */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubles with each further one (`MAIL_BACKOFF_MS`, default 30 s). */
  backoffMs: number;
  /** The longest wait between two attempts (default 1 hour). */
  backoffMaxMs: number;
  /**
   * How long a `sending` row belongs to its worker. Past it, the worker is presumed dead and the row is tried
   * again — which sends it twice if that worker did reach the SMTP server before dying. So it is kept small:
   * just above the longest an SMTP transaction may take (the transport's timeouts sum to under 40 s).
   * `MAIL_SENDING_LEASE_MS` (default 45 s) — fault tests shorten it; below the SMTP timeouts risks doubles.
   */
  sendingLeaseMs: number;
  /**
   * How long a row handed to the queue waits before it is handed over again (a job lost with Redis).
   * `MAIL_HANDOVER_LEASE_MS` (default 2 min); fault tests shorten it.
   */
  handOverLeaseMs: number;
  /** How often the dispatcher looks for due rows when nobody nudges it (`MAIL_POLL_MS`, default 1 s; 0 = off). */
  pollMs: number;
  /** The sender (`MAIL_FROM`). */
  from: { name: string; address: string };
}

export const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');

type Env = Record<string, string | undefined>;

function whole(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(key, `must be a whole number from ${min} to ${max}.`);
  }
  return Number(raw);
}

export function deliveryOptionsFrom(env: Env = process.env): DeliveryOptions {
  const from = env.MAIL_FROM?.trim() || 'Vrijwilligersacademie <noreply@vrijwilligersacademie.frl>';
  const match = /^(?:(.*?)\s*<([^\s<>@]+@[^\s<>@]+)>|([^\s<>@]+@[^\s<>@]+))$/.exec(from);
  if (!match) throw new ConfigError('MAIL_FROM', 'must be an address, or "Name <address>".');
  return {
    concurrency: whole(env, 'MAIL_CONCURRENCY', 4, 1, 256),
    maxAttempts: whole(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
    backoffMs: whole(env, 'MAIL_BACKOFF_MS', 30_000, 1, 86_400_000),
    backoffMaxMs: 3_600_000,
    sendingLeaseMs: whole(env, 'MAIL_SENDING_LEASE_MS', 45_000, 1_000, 3_600_000),
    handOverLeaseMs: whole(env, 'MAIL_HANDOVER_LEASE_MS', 120_000, 1_000, 3_600_000),
    pollMs: whole(env, 'MAIL_POLL_MS', 1_000, 0, 60_000),
    from: { name: match[1]?.replace(/^"|"$/g, '') || 'Vrijwilligersacademie', address: match[2] ?? match[3] },
  };
}
