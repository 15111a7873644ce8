import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { Provider } from './provider.entity';

@Injectable()
export class ProvidersRepository {
  constructor(@InjectRepository(Provider, CATALOGUE) private readonly repository: Repository<Provider>) {}

  private repo(manager?: EntityManager): Repository<Provider> {
    return manager ? manager.getRepository(Provider) : this.repository;
  }

  all(): Promise<Provider[]> {
    return this.repository.find({ order: { name: 'ASC', id: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<Provider | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Provider[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In(ids) });
  }

  /** Case-insensitive on every database (SQLite compares case-sensitively by default). */
  async nameExists(name: string): Promise<boolean> {
    const count = await this.repository
      .createQueryBuilder('p')
      .where('LOWER(p.name) = LOWER(:name)', { name })
      .getCount();
    return count > 0;
  }

  async insert(provider: Provider): Promise<void> {
    await this.repository.insert(provider);
  }
}
