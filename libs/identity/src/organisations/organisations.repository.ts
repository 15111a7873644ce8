import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { IDENTITY } from '../identity.constants';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsRepository {
  constructor(
    @InjectRepository(Organisation, IDENTITY) private readonly repository: Repository<Organisation>,
  ) {}

  private repo(manager?: EntityManager): Repository<Organisation> {
    return manager ? manager.getRepository(Organisation) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Organisation[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In(ids) });
  }

  findByJoinCode(joinCode: string, manager?: EntityManager): Promise<Organisation | null> {
    return this.repo(manager).findOneBy({ joinCode });
  }

  /** Case-insensitive on every database (SQLite compares case-sensitively by default). */
  async nameExists(name: string, manager?: EntityManager): Promise<boolean> {
    const count = await this.repo(manager)
      .createQueryBuilder('o')
      .where('LOWER(o.name) = LOWER(:name)', { name })
      .getCount();
    return count > 0;
  }

  joinCodeExists(joinCode: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ joinCode });
  }

  async insert(organisation: Organisation, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(organisation);
  }

  count(): Promise<number> {
    return this.repository.count();
  }

  /** A page of organisations by name; `onlyIds` scopes the list (undefined: all). */
  page(skip: number, take: number, onlyIds?: string[]): Promise<[Organisation[], number]> {
    if (onlyIds && !onlyIds.length) return Promise.resolve([[], 0]);
    return this.repository.findAndCount({
      where: onlyIds ? { id: In(onlyIds) } : {},
      order: { name: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }
}
