import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isDuplicateKey } from '@academy/platform';

import { KeptTable } from '../shared/kept-table';
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
  private readonly kept: KeptTable<Provider>;

  constructor(
    private readonly providers: ProvidersRepository,
    private readonly search: SearchCache,
  ) {
    this.kept = new KeptTable(() => this.providers.all(), CACHE_MS);
  }

  async list(): Promise<ProviderResponse[]> {
    return (await this.all()).map(toProviderResponse);
  }

  /** All providers, from a short-lived cache (listings name them on every request). */
  private all(): Promise<Provider[]> {
    return this.kept.all();
  }

  /** Providers by id (a map shared until the next reading); asks again for one added on another replica. */
  byIds(ids: string[]): Promise<Map<string, Provider>> {
    return this.kept.byId(ids);
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
    this.kept.forget();
    this.search.changed();
    return toProviderResponse(provider);
  }
}
