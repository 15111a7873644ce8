import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isDuplicateKey } from '@academy/platform';

import { validateInput } from '../shared/validate-input';
import { CreateProviderRequest } from './dto/create-provider.request';
import type { ProviderResponse } from './dto/provider.response';
import { Provider } from './provider.entity';
import { SearchCache } from '../search/search-cache';
import { ProvidersRepository } from './providers.repository';

const nameTaken = () =>
  new DomainError('resource.conflict', 'A provider with this name already exists.', {
    errors: [{ field: 'name', messages: ['A provider with this name already exists.'] }],
  });

export const toProviderResponse = (provider: Provider): ProviderResponse => ({
  id: provider.id,
  name: provider.name,
  website: provider.website,
  description: provider.description,
});

/** The partner organisations whose courses the academy bundles. */
/** Providers change rarely; each replica keeps them this long before asking again. */
const CACHE_MS = 10_000;

@Injectable()
export class ProvidersService {
  private cache?: { at: number; providers: Promise<Provider[]> };

  constructor(
    private readonly providers: ProvidersRepository,
    private readonly search: SearchCache,
  ) {}

  async list(): Promise<ProviderResponse[]> {
    return (await this.all()).map(toProviderResponse);
  }

  /** All providers, from a short-lived cache (listings name them on every request). */
  private all(): Promise<Provider[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      const providers = this.providers.all();
      this.cache = { at: Date.now(), providers };
      providers.catch(() => (this.cache = undefined));
    }
    return this.cache.providers;
  }

  /** Providers by id; asks the database again when one is missing (added on another replica). */
  async byIds(ids: string[]): Promise<Map<string, Provider>> {
    let map = new Map((await this.all()).map((provider) => [provider.id, provider]));
    if (ids.some((id) => !map.has(id))) {
      this.cache = undefined;
      map = new Map((await this.all()).map((provider) => [provider.id, provider]));
    }
    return map;
  }

  async byId(id: string): Promise<Provider | undefined> {
    return (await this.byIds([id])).get(id);
  }

  async create(input: CreateProviderRequest): Promise<ProviderResponse> {
    const request = await validateInput(CreateProviderRequest, input);
    const name = request.name.trim().replace(/\s+/g, ' ');
    if (await this.providers.nameExists(name)) throw nameTaken();
    const provider = Object.assign(new Provider(), {
      id: randomUUID(),
      name,
      website: request.website?.trim() || null,
      description: request.description?.trim() || null,
      createdAt: new Date(),
    });
    try {
      await this.providers.insert(provider);
    } catch (error) {
      if (isDuplicateKey(error)) throw nameTaken();
      throw error;
    }
    this.cache = undefined;
    this.search.changed();
    return toProviderResponse(provider);
  }
}
