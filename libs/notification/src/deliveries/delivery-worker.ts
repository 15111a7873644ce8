import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { isMessageLocale } from '../templates/message-renderer';
import { afterFailure } from './backoff';
import { type DeliveryTicket, DeliveriesRepository } from './deliveries.repository';
import { DeliveryMetrics } from './delivery.metrics';
import { OPTIONAL_MESSAGE_POLICY, type OptionalMessagePolicy } from './delivery.service';
import { DELIVERY_OPTIONS, type DeliveryOptions } from './delivery.options';
import { MailComposer } from './mail-composer';
import { MailTransport } from './mail-transport';

export type AttemptOutcome = 'sent' | 'failed' | 'dead' | 'skipped';

/** The SMTP server's own words where there are any (`550 5.1.1 no such user`), else the error's message. */
export function failureReason(error: unknown): string {
  const smtp = error as { responseCode?: number; response?: string; code?: string; message?: string } | null;
  if (smtp?.response) return smtp.response;
  const message = smtp?.message ?? String(error);
  return smtp?.code ? `${smtp.code}: ${message}` : message;
}

const MARK_SENT_TRIES = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One SMTP attempt of one delivery. The row is claimed (`sending`, attempts + 1, a short lease) and that is
 * committed before the SMTP conversation, so a row already sent is never sent again and a duplicate job finds
 * nothing to do. A worker dying between SMTP and marking leaves the row `sending`; when the lease runs out it is
 * tried again — the one window in which a message can go twice, kept as small as the SMTP timeouts allow.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger('DeliveryWorker');

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly metrics: DeliveryMetrics,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    @Optional() @Inject(OPTIONAL_MESSAGE_POLICY) private readonly policy?: OptionalMessagePolicy,
  ) {}

  async process(ticket: DeliveryTicket): Promise<AttemptOutcome> {
    const claimedAt = new Date();
    const lease = new Date(claimedAt.getTime() + this.options.sendingLeaseMs);
    if (!(await this.deliveries.claim(ticket, lease, claimedAt))) return 'skipped';
    const attempts = ticket.attempts + 1;
    const loaded = await this.deliveries.forSending(ticket.deliveryId);
    if (!loaded) return 'skipped';
    const { delivery, recipient, preference } = loaded;
    if (!recipient) {
      // Identity's event has not reached this service yet: wait for it like for a slow SMTP server.
      return this.fail(ticket.deliveryId, attempts, 'The recipient is not known here yet.');
    }
    if (recipient.erased || !recipient.email) {
      return this.fail(ticket.deliveryId, attempts, 'The recipient erased their account.', true);
    }
    // A language chosen for messages in the preferences wins over the profile's, where the preferences feature
    // is present (it provides the policy). Its row comes with the delivery: one query instead of three.
    const preferred =
      this.policy && preference && isMessageLocale(preference.locale) ? preference.locale : null;
    if (preferred) recipient.locale = preferred;
    let mail;
    try {
      mail = this.composer.compose(delivery, { ...recipient, email: recipient.email });
    } catch (error) {
      this.logger.error(
        `delivery ${delivery.id} (${delivery.kind}) cannot be written: ${(error as Error).message}`,
      );
      return this.fail(
        ticket.deliveryId,
        attempts,
        `The message could not be written: ${(error as Error).message}`,
        true,
      );
    }
    let messageId: string;
    try {
      ({ messageId } = await this.transport.send(mail, delivery.id));
    } catch (error) {
      return this.fail(ticket.deliveryId, attempts, failureReason(error));
    }
    await this.markSent(ticket.deliveryId, attempts, messageId, this.composer.localeOf(recipient));
    this.metrics.attempts.inc({ outcome: 'sent' });
    return 'sent';
  }

  /** Marking must land: a row left `sending` after SMTP accepted it would be sent again after the lease. */
  private async markSent(id: string, attempts: number, messageId: string, locale: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deliveries.markSent(id, attempts, messageId, locale, new Date());
        return;
      } catch (error) {
        if (attempt >= MARK_SENT_TRIES) throw error;
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  private async fail(id: string, attempts: number, reason: string, final = false): Promise<AttemptOutcome> {
    const now = new Date();
    const next = final ? ({ status: 'dead' } as const) : afterFailure(attempts, this.options, now);
    await this.deliveries.markFailed(id, attempts, reason, next, now);
    this.metrics.attempts.inc({ outcome: next.status });
    if (next.status === 'dead')
      this.logger.warn(`delivery ${id} is dead after ${attempts} attempt(s): ${reason}`);
    return next.status;
  }
}
