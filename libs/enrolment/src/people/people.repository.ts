import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { ENROLMENT } from '../enrolment.constants';
import { Person, PersonMembership } from './person.entity';

@Injectable()
export class PeopleRepository {
  constructor(@InjectRepository(Person, ENROLMENT) private readonly repository: Repository<Person>) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.repository.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Person | null> {
    return this.manager(manager).getRepository(Person).findOneBy({ id });
  }

  /** Display names by id (erased and unknown people are left out). */
  async namesOf(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.manager(manager)
      .getRepository(Person)
      .findBy({ id: In([...new Set(ids)]), erased: false });
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  async insert(person: Person, manager: EntityManager): Promise<void> {
    await manager.getRepository(Person).insert(person);
  }

  async update(id: string, changes: Partial<Omit<Person, 'id'>>, manager: EntityManager): Promise<void> {
    await manager.getRepository(Person).update({ id }, changes);
  }

  async setMemberships(
    userId: string,
    memberships: Array<Pick<PersonMembership, 'organisationId' | 'role'>>,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(PersonMembership);
    await repo.delete({ userId });
    const unique = new Map(memberships.map((m) => [`${m.organisationId}:${m.role}`, m]));
    if (unique.size) await repo.insert([...unique.values()].map((m) => ({ userId, ...m })));
  }

  /** Of these people, those who are volunteers of the organisation. */
  async volunteersOf(
    organisationId: string,
    userIds: string[],
    manager?: EntityManager,
  ): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.manager(manager)
      .getRepository(PersonMembership)
      .findBy({ organisationId, role: 'volunteer', userId: In([...new Set(userIds)]) });
    return new Set(rows.map((row) => row.userId));
  }
}
