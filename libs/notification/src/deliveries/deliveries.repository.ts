import { Injectable } from '@nestjs/common';
import { inTransaction } from '@academy/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, LessThanOrEqual, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type DeliveryStatus, NOTIFICATION } from '../notification.constants';
import { Preference } from '../preferences/preference.entity';
import { Recipient } from '../recipients/recipient.entity';
import { Delivery } from './delivery.entity';

/** A claimed row with what writing it needs: its recipient and their message preferences (either may be absent). */
export interface DeliveryToSend {
  delivery: Delivery;
  recipient: Recipient | null;
  preference: Preference | null;
}

/** What a job carries: the row and the attempt it was handed over for (a stale job finds it changed). */
export interface DeliveryTicket {
  deliveryId: string;
  attempts: number;
  retries: number;
}

/**
 * The delivery log. Every change of status is a conditional UPDATE on the status (and attempt) the caller saw,
 * so two workers holding the same job can never both claim a row.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectRepository(Delivery, NOTIFICATION) private readonly repository: Repository<Delivery>) {}

  private repo(manager?: EntityManager): Repository<Delivery> {
    return manager ? manager.getRepository(Delivery) : this.repository;
  }

  /**
   * A status change in a transaction of its own. On SQLite every query shares one connection, so a bare UPDATE
   * issued while a consumer's transaction is open would join it (and vanish with its rollback); inTransaction
   * queues it behind that transaction instead.
   */
  private write<T>(work: (repo: Repository<Delivery>) => Promise<T>): Promise<T> {
    const connection = this.repository.manager.connection;
    // A pooled MariaDB connection needs no such care: one statement is its own transaction.
    if (connection.options.type !== 'better-sqlite3') return work(this.repository);
    return inTransaction(connection, (manager) => work(manager.getRepository(Delivery)));
  }

  findById(id: string, manager?: EntityManager): Promise<Delivery | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /**
   * The row, its recipient and their preferences in one round trip: the worker needs all three for every
   * message, and on a busy host each query's socket write and wake-up cost more than the rendering.
   */
  async forSending(id: string): Promise<DeliveryToSend | null> {
    const row: (Delivery & { recipient?: Recipient | null; preference?: Preference | null }) | null =
      await this.repository
        .createQueryBuilder('d')
        .leftJoinAndMapOne('d.recipient', Recipient, 'r', 'r.id = d.recipientId')
        .leftJoinAndMapOne('d.preference', Preference, 'p', 'p.userId = d.recipientId')
        .where('d.id = :id', { id })
        .getOne();
    if (!row) return null;
    const { recipient = null, preference = null, ...delivery } = row;
    return { delivery: Object.assign(new Delivery(), delivery), recipient, preference };
  }

  findByDedupKey(dedupKey: string, manager?: EntityManager): Promise<Delivery | null> {
    return this.repo(manager).findOneBy({ dedupKey });
  }

  async insert(delivery: Delivery, manager: EntityManager): Promise<void> {
    // The JSON columns hold `unknown` values, which TypeORM's deep-partial type cannot follow.
    await manager.getRepository(Delivery).insert(delivery as QueryDeepPartialEntity<Delivery>);
  }

  /**
   * Rows to hand to the queue: queued or failed rows that are due, and `sending` rows whose lease ran out
   * (their worker died mid-send). Oldest due first.
   */
  due(now: Date, limit: number): Promise<Delivery[]> {
    return this.repository
      .createQueryBuilder('d')
      .where('d.status IN (:...statuses)', { statuses: ['queued', 'failed', 'sending'] })
      .andWhere(
        new Brackets((q) => q.where('d.nextAttemptAt IS NULL').orWhere('d.nextAttemptAt <= :now', { now })),
      )
      .orderBy('d.nextAttemptAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Marks rows as handed to the queue: they are not looked at again until `until` (if the job is lost —
   * Redis flushed, a process died with it — they come back then, with the same job id).
   */
  async handedOver(ids: string[], until: Date): Promise<void> {
    return this.write(async (repo) => {
      if (!ids.length) return;
      await repo.update(
        { id: In(ids), status: In(['queued', 'failed']) },
        { nextAttemptAt: until, updatedAt: new Date() },
      );
    });
  }

  /** A `sending` row whose lease expired: its worker is gone. Back to `failed`, to be tried again now. */
  async leaseExpired(row: Delivery, now: Date, reason: string): Promise<boolean> {
    return this.write(async (repo) => {
      const result = await repo.update(
        { id: row.id, status: 'sending', attempts: row.attempts, nextAttemptAt: LessThanOrEqual(now) },
        { status: 'failed', lastError: reason, nextAttemptAt: now, updatedAt: now },
      );
      return (result.affected ?? 0) === 1;
    });
  }

  /** A row that ran out of attempts while its worker was gone: dead, for an admin to look at. */
  async giveUp(id: string, attempts: number, reason: string, now: Date): Promise<void> {
    return this.write(async (repo) => {
      await repo.update(
        { id, status: 'failed', attempts },
        { status: 'dead', lastError: reason, nextAttemptAt: null, updatedAt: now },
      );
    });
  }

  /**
   * Takes the row for one SMTP attempt: `sending`, attempts + 1, leased until `leaseUntil`. Only the job of the
   * row's current attempt succeeds; a duplicate or stale job, or a row already sent, gets false.
   */
  async claim(ticket: DeliveryTicket, leaseUntil: Date, now: Date): Promise<boolean> {
    return this.write(async (repo) => {
      const result = await repo
        .createQueryBuilder()
        .update(Delivery)
        .set({ status: 'sending', attempts: () => 'attempts + 1', nextAttemptAt: leaseUntil, updatedAt: now })
        .where('id = :id', { id: ticket.deliveryId })
        .andWhere('status IN (:...statuses)', { statuses: ['queued', 'failed'] })
        .andWhere('attempts = :attempts', { attempts: ticket.attempts })
        .andWhere('retries = :retries', { retries: ticket.retries })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  async markSent(id: string, attempts: number, messageId: string, locale: string, now: Date): Promise<void> {
    return this.write(async (repo) => {
      await repo.update(
        { id, status: 'sending', attempts },
        {
          status: 'sent',
          messageId: messageId.slice(0, 255),
          locale,
          sentAt: now,
          nextAttemptAt: null,
          updatedAt: now,
        },
      );
    });
  }

  async markFailed(
    id: string,
    attempts: number,
    reason: string,
    next: { status: 'failed'; at: Date } | { status: 'dead' },
    now: Date,
  ): Promise<void> {
    return this.write(async (repo) => {
      await repo.update(
        { id, status: 'sending', attempts },
        {
          status: next.status,
          lastError: reason.slice(0, 500),
          nextAttemptAt: next.status === 'failed' ? next.at : null,
          updatedAt: now,
        },
      );
    });
  }

  /** An admin's retry: a fresh round of attempts under a new job id. Only `dead` and `failed` rows. */
  async retry(id: string, now: Date): Promise<boolean> {
    return this.write(async (repo) => {
      const result = await repo
        .createQueryBuilder()
        .update(Delivery)
        .set({
          status: 'queued',
          attempts: 0,
          retries: () => 'retries + 1',
          nextAttemptAt: now,
          updatedAt: now,
        })
        .where('id = :id', { id })
        .andWhere('status IN (:...statuses)', { statuses: ['dead', 'failed'] })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  /** The log for admins, newest first, optionally of one status. */
  page(status: DeliveryStatus | undefined, page: number, pageSize: number): Promise<[Delivery[], number]> {
    return this.repository.findAndCount({
      where: status ? { status } : {},
      order: { queuedAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.repository
      .createQueryBuilder('d')
      .select('d.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('d.status')
      .getRawMany<{ status: string; count: string | number }>();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  /**
   * An erased recipient: every delivery forgets what it would have said, and nothing more goes out. The log
   * keeps kind, status and times (no names, no places).
   */
  async forgetRecipient(recipientId: string, manager: EntityManager, now: Date): Promise<void> {
    const repo = manager.getRepository(Delivery);
    await repo.update(
      { recipientId, status: In(['queued', 'failed', 'sending']) },
      {
        status: 'dead',
        lastError: 'The recipient erased their account.',
        nextAttemptAt: null,
        updatedAt: now,
      },
    );
    await repo.update({ recipientId }, { params: null, attachment: null, updatedAt: now });
  }
}
