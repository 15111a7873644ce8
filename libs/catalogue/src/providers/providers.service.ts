import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@academy/platform';
import { isDuplicateKey } from '../shared/duplicate-key';
import { validateInput } from '../shared/validate-input';
import { CreateProviderRequest } from './dto/create-provider.request';
import type { ProviderResponse } from './dto/provider.response';
import { Provider } from './provider.entity';
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
@Injectable()
export class ProvidersService {
  constructor(private readonly providers: ProvidersRepository) {}

  async list(): Promise<ProviderResponse[]> {
    return (await this.providers.all()).map(toProviderResponse);
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
    return toProviderResponse(provider);
  }
}
