/** WARNING: names the DataSource, the SQLite file, the processed-events table and the migrations table; never rename it. */
export const NOTIFICATION = 'notification' as const;

/** The languages messages are written in (Dutch first). */
export const MESSAGE_LOCALES = ['nl', 'fy', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/**
 * WARNING: stored in notification_deliveries.status; renaming one strands the rows.
 * - `queued`: waiting for its turn (or for `next_attempt_at`);
 * - `sending`: a worker claimed it and is talking to the SMTP server (a lease: see SENDING_LEASE_MS);
 * - `sent`: the SMTP server accepted it — never sent again;
 * - `failed`: the last attempt failed; it is tried again at `next_attempt_at`;
 * - `dead`: every attempt failed; it waits for an admin to retry it.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** WARNING: stored in notification_deliveries.optional; messages a person may switch off in their preferences. */
export const OPTIONAL_KINDS = ['reminder', 'digest'] as const;
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];

/**
 * WARNING: every kind is stored in notification_deliveries.kind and notification_notifications.kind and names
 * its template folder; renaming one strands queued deliveries. Add a kind instead.
 */
export const MESSAGE_KINDS = [
  'enrolment-confirmed',
  'enrolment-waitlisted',
  'enrolment-promoted',
  'enrolment-offered',
  'enrolment-cancelled',
  'enrolment-completed',
  'session-changed',
  'session-cancelled',
  'session-go-decided',
  // Filled by the reminders, roster and digest features.
  'meeting-reminder',
  'trainer-roster',
  'coordinator-digest',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
