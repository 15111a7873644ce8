import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isDuplicateKey } from '@academy/platform';

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
  private cache?: { at: number; categories: Promise<Category[]> };

  constructor(
    private readonly categories: CategoriesRepository,
    private readonly search: SearchCache,
  ) {}

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
    this.cache = undefined;
    this.search.changed();
    return toCategoryResponse(category);
  }

  /** All categories, from a short-lived cache (listings read them on every request). */
  all(): Promise<Category[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      const categories = this.categories.all();
      this.cache = { at: Date.now(), categories };
      categories.catch(() => (this.cache = undefined));
    }
    return this.cache.categories;
  }

  /** Categories by id; asks the database again when one is missing (created on another replica). */
  async byId(needed: string[] = []): Promise<Map<string, Category>> {
    let map = new Map((await this.all()).map((category) => [category.id, category]));
    if (needed.some((id) => !map.has(id))) {
      this.cache = undefined;
      map = new Map((await this.all()).map((category) => [category.id, category]));
    }
    return map;
  }

  async bySlug(slug: string): Promise<Category | undefined> {
    const cached = (await this.all()).find((category) => category.slug === slug);
    if (cached) return cached;
    // Created on another replica within the cache time.
    return (await this.categories.findBySlug(slug)) ?? undefined;
  }
}
