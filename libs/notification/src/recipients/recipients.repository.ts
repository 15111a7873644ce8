import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { NOTIFICATION } from '../notification.constants';
import { Recipient, RecipientMembership } from './recipient.entity';

/** The recipients replica: queries only. */
@Injectable()
export class RecipientsRepository {
  constructor(
    @InjectRepository(Recipient, NOTIFICATION) private readonly repository: Repository<Recipient>,
  ) {}

  private repo(manager?: EntityManager): Repository<Recipient> {
    return manager ? manager.getRepository(Recipient) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<Recipient | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Recipients by id that can be written to (not erased); unknown ids are left out. */
  async findActive(ids: string[], manager?: EntityManager): Promise<Map<string, Recipient>> {
    if (!ids.length) return new Map();
    const rows = await this.repo(manager).findBy({ id: In([...new Set(ids)]), erased: false });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async save(recipient: Recipient, exists: boolean, manager: EntityManager): Promise<void> {
    if (exists) await manager.getRepository(Recipient).update({ id: recipient.id }, recipient);
    else await manager.getRepository(Recipient).insert(recipient);
  }

  /**
   * Replaces a person's memberships, touching only the rows that change: a DELETE of rows that are not there
   * would take gap locks on MariaDB, and concurrent registrations would deadlock on them.
   */
  async setMemberships(
    userId: string,
    memberships: Array<Pick<RecipientMembership, 'organisationId' | 'role'>>,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(RecipientMembership);
    const key = (m: Pick<RecipientMembership, 'organisationId' | 'role'>) => `${m.organisationId}:${m.role}`;
    const wanted = new Map(memberships.map((m) => [key(m), m]));
    const current = await repo.findBy({ userId });
    for (const gone of current.filter((m) => !wanted.has(key(m)))) {
      await repo.delete({ userId, organisationId: gone.organisationId, role: gone.role });
    }
    const have = new Set(current.map(key));
    const added = [...wanted.values()].filter((m) => !have.has(key(m)));
    if (added.length)
      await repo.insert(added.map((m) => ({ userId, organisationId: m.organisationId, role: m.role })));
  }

  /** The ids of people holding a role in an organisation (coordinators for a digest, say). */
  async withRole(
    organisationId: string,
    role: RecipientMembership['role'],
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows = await (manager ?? this.repository.manager)
      .getRepository(RecipientMembership)
      .findBy({ organisationId, role });
    return rows.map((row) => row.userId);
  }
}
