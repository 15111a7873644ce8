import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isDuplicateKey } from '@academy/platform';

import { KeptTable } from '../shared/kept-table';
import { validateInput } from '../shared/validate-input';
import { SearchCache } from '../search/search-cache';
import { CategoriesRepository } from './categories.repository';
import { Category } from './category.entity';
import type { CategoryResponse } from './dto/category.response';
import { CreateCategoryRequest } from './dto/create-category.request';

/** Categories change a few times a year; each replica keeps them this long before asking again. */
const CACHE_MS = 10_000;

const slugTaken = () =>
  new DomainError('resource.conflict', 'A category with this slug already exists.', {
    errors: [{ field: 'slug', messages: ['A category with this slug already exists.'] }],
  });

export const toCategoryResponse = (category: Category): CategoryResponse => ({
  slug: category.slug,
  names: { nl: category.nameNl, fy: category.nameFy, en: category.nameEn },
});

@Injectable()
export class CategoriesService {
  private readonly kept: KeptTable<Category>;

  constructor(
    private readonly categories: CategoriesRepository,
    private readonly search: SearchCache,
  ) {
    this.kept = new KeptTable(() => this.categories.all(), CACHE_MS);
  }

  /** Every category in display order, with its names in Dutch, Frisian and English. */
  async list(): Promise<CategoryResponse[]> {
    return (await this.all()).map(toCategoryResponse);
  }

  async create(input: CreateCategoryRequest): Promise<CategoryResponse> {
    const request = await validateInput(CreateCategoryRequest, input);
    if (await this.categories.findBySlug(request.slug)) throw slugTaken();
    const category = Object.assign(new Category(), {
      id: randomUUID(),
      slug: request.slug,
      nameNl: request.names.nl.trim(),
      nameFy: request.names.fy.trim(),
      nameEn: request.names.en.trim(),
      position: await this.categories.nextPosition(),
    });
    try {
      await this.categories.insert(category);
    } catch (error) {
      if (isDuplicateKey(error)) throw slugTaken();
      throw error;
    }
    this.kept.forget();
    this.search.changed();
    return toCategoryResponse(category);
  }

  /** All categories, from a short-lived cache (listings read them on every request). */
  all(): Promise<Category[]> {
    return this.kept.all();
  }

  /** Categories by id (a map shared until the next reading); asks again for one created on another replica. */
  byId(needed: string[] = []): Promise<Map<string, Category>> {
    return this.kept.byId(needed);
  }

  async bySlug(slug: string): Promise<Category | undefined> {
    const cached = (await this.all()).find((category) => category.slug === slug);
    if (cached) return cached;
    // Created on another replica within the cache time.
    return (await this.categories.findBySlug(slug)) ?? undefined;
  }
}
