import { Injectable } from '@nestjs/common';
import type { UserSnapshot } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { InboxRepository } from '../inbox/inbox.repository';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';
import { Recipient } from './recipient.entity';
import { RecipientsRepository } from './recipients.repository';

/**
 * Keeps the recipients replica as identity announces it (the newest snapshot wins), and forgets an erased person
 * at once: address and name, their inbox, what their pending messages would have said, and their enrolments.
 */
@Injectable()
export class RecipientsReplicaService {
  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly inbox: InboxRepository,
    private readonly replicas: SessionsReplicaRepository,
  ) {}

  async apply(snapshot: UserSnapshot, at: Date, manager: EntityManager): Promise<'stored' | 'ignored'> {
    const stored = await this.recipients.findById(snapshot.userId, manager);
    if (stored && (stored.erased || stored.snapshotAt.getTime() > at.getTime())) return 'ignored';
    const recipient = Object.assign(new Recipient(), {
      id: snapshot.userId,
      email: snapshot.email,
      displayName: snapshot.displayName,
      locale: snapshot.locale,
      admin: snapshot.admin,
      erased: false,
      snapshotAt: at,
    });
    await this.recipients.save(recipient, stored !== null, manager);
    await this.recipients.setMemberships(recipient.id, snapshot.memberships, manager);
    return 'stored';
  }

  async erase(userId: string, at: Date, manager: EntityManager, now = new Date()): Promise<void> {
    const stored = await this.recipients.findById(userId, manager);
    const tombstone = Object.assign(new Recipient(), {
      id: userId,
      email: null,
      displayName: null,
      locale: stored?.locale ?? 'nl',
      admin: false,
      erased: true,
      snapshotAt: stored && stored.snapshotAt > at ? stored.snapshotAt : at,
    });
    await this.recipients.save(tombstone, stored !== null, manager);
    await this.recipients.setMemberships(userId, [], manager);
    await this.inbox.deleteOf(userId, manager);
    await this.deliveries.forgetRecipient(userId, manager, now);
    await this.replicas.forgetUser(userId, manager);
  }
}
