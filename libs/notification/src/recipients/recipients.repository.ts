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

  async setMemberships(
    userId: string,
    memberships: Array<Pick<RecipientMembership, 'organisationId' | 'role'>>,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(RecipientMembership);
    await repo.delete({ userId });
    const unique = new Map(memberships.map((m) => [`${m.organisationId}:${m.role}`, m]));
    if (unique.size) await repo.insert([...unique.values()].map((m) => ({ userId, ...m })));
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
