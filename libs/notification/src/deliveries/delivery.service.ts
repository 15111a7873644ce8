import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isDuplicateKey } from '@academy/platform';
import { v7 as uuidv7 } from 'uuid';
import { Notification } from '../inbox/notification.entity';
import { InboxRepository } from '../inbox/inbox.repository';
import type { MessageKind, OptionalKind } from '../notification.constants';
import { RecipientsRepository } from '../recipients/recipients.repository';

import { MessageRenderer } from '../templates/message-renderer';
import type { AttachmentSpec } from './delivery.entity';
import { Delivery } from './delivery.entity';
import { DeliveriesRepository } from './deliveries.repository';
import { markDeliveryWritten } from './delivery-nudge';

export interface EnqueueRequest {
  /** Unique per message: `<eventId>:<recipientId>:<kind>`, or `<reminderId>:<meetingStartsAt>`. */
  dedupKey: string;
  recipientId: string;
  kind: MessageKind;
  /** What the templates need (JSON). Never the recipient's own name or address: those are read at send time. */
  params: Record<string, unknown>;
  /** Also put an item in the in-app inbox (default true). */
  inApp?: boolean;
  /** A message the person may switch off in their preferences. */
  optional?: OptionalKind;
  attachment?: AttachmentSpec;
  /** Not before then (a reminder planned ahead); default now. */
  notBefore?: Date;
  /** A path in the academy the inbox item links to. */
  link?: string;
}

export type EnqueueResult =
  | { outcome: 'queued'; deliveryId: string }
  | { outcome: 'duplicate'; deliveryId: string }
  | { outcome: 'skipped'; reason: 'erased' | 'opted-out' };

/**
 * Decides whether a person wants an optional message (the preferences feature provides it). Without one,
 * every optional message is sent.
 */
export interface OptionalMessagePolicy {
  wants(manager: EntityManager, recipientId: string, optional: OptionalKind): Promise<boolean>;
  /** The language the person chose for messages (preferences), or null to follow their profile's. */
  preferredLocale?(recipientId: string, manager?: EntityManager): Promise<string | null>;
}
export const OPTIONAL_MESSAGE_POLICY = Symbol('OPTIONAL_MESSAGE_POLICY');

/**
 * The one way to send a message to a person: writes the delivery row (and the inbox item) in the caller's
 * transaction, idempotent on the dedup key. The dispatcher, woken when that transaction commits, sends it.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly recipients: RecipientsRepository,
    private readonly inbox: InboxRepository,
    private readonly renderer: MessageRenderer,
    @Optional() @Inject(OPTIONAL_MESSAGE_POLICY) private readonly policy?: OptionalMessagePolicy,
  ) {}

  async enqueue(manager: EntityManager, request: EnqueueRequest, now = new Date()): Promise<EnqueueResult> {
    const recipient = await this.recipients.findById(request.recipientId, manager);
    if (recipient?.erased) return { outcome: 'skipped', reason: 'erased' };
    const existing = await this.deliveries.findByDedupKey(request.dedupKey, manager);
    if (existing) return { outcome: 'duplicate', deliveryId: existing.id };
    if (
      request.optional &&
      this.policy &&
      !(await this.policy.wants(manager, request.recipientId, request.optional))
    ) {
      return { outcome: 'skipped', reason: 'opted-out' };
    }
    // An unknown recipient (identity's event not here yet) is written to anyway: the worker waits for them.
    const locale =
      (await this.policy?.preferredLocale?.(request.recipientId, manager)) ?? recipient?.locale ?? 'nl';
    const delivery = Object.assign(new Delivery(), {
      id: uuidv7(),
      dedupKey: request.dedupKey,
      recipientId: request.recipientId,
      kind: request.kind,
      locale,
      params: request.params,
      attachment: request.attachment ?? null,
      optional: request.optional ?? null,
      status: 'queued' as const,
      attempts: 0,
      retries: 0,
      lastError: null,
      nextAttemptAt: request.notBefore ?? now,
      queuedAt: now,
      sentAt: null,
      messageId: null,
      updatedAt: now,
    });
    try {
      await this.deliveries.insert(delivery, manager);
    } catch (error) {
      // Another transaction wrote the same key in the meantime: that one is the message.
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.deliveries.findByDedupKey(request.dedupKey, manager);
      return { outcome: 'duplicate', deliveryId: winner?.id ?? '' };
    }
    if (request.inApp !== false) {
      const text = this.renderer.inbox(request.kind, locale, request.params);
      await this.inbox.insert(
        Object.assign(new Notification(), {
          id: uuidv7(),
          recipientId: request.recipientId,
          deliveryId: delivery.id,
          kind: request.kind,
          title: text.title.slice(0, 200),
          body: text.body,
          link: request.link ?? null,
          readAt: null,
          createdAt: now,
        }),
        manager,
      );
    }
    markDeliveryWritten(manager);
    return { outcome: 'queued', deliveryId: delivery.id };
  }
}
