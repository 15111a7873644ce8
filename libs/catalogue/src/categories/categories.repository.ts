import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { Category } from './category.entity';

@Injectable()
export class CategoriesRepository {
  constructor(@InjectRepository(Category, CATALOGUE) private readonly repository: Repository<Category>) {}

  private repo(manager?: EntityManager): Repository<Category> {
    return manager ? manager.getRepository(Category) : this.repository;
  }

  all(): Promise<Category[]> {
    return this.repository.find({ order: { position: 'ASC', slug: 'ASC' } });
  }

  findBySlug(slug: string, manager?: EntityManager): Promise<Category | null> {
    return this.repo(manager).findOneBy({ slug });
  }

  async nextPosition(): Promise<number> {
    const row = await this.repository
      .createQueryBuilder('c')
      .select('MAX(c.position)', 'max')
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? -1) + 1;
  }

  async insert(category: Category): Promise<void> {
    await this.repository.insert(category);
  }
}
