import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isDuplicateKey, type Page, type Principal } from '@academy/platform';
import { MembershipsRepository } from '../memberships/memberships.repository';

import type { OrganisationResponse } from './dto/organisation.response';
import { generateJoinCode } from './join-code';
import { Organisation } from './organisation.entity';
import { OrganisationsRepository } from './organisations.repository';

const nameTaken = () =>
  new DomainError('identity.organisation-name-taken', 'An organisation with this name already exists.', {
    errors: [{ field: 'name', messages: ['An organisation with this name already exists.'] }],
  });

/** 31^8 codes make a collision rare; a few tries make it harmless. */
const JOIN_CODE_TRIES = 5;

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async create(name: string): Promise<Required<OrganisationResponse>> {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (trimmed.length < 2) {
      throw new DomainError('validation.failed', 'Fill in the name of the organisation.', {
        errors: [{ field: 'name', messages: ['Fill in the name of the organisation.'] }],
      });
    }
    if (await this.organisations.nameExists(trimmed)) throw nameTaken();
    for (let attempt = 1; attempt <= JOIN_CODE_TRIES; attempt++) {
      const organisation = Object.assign(new Organisation(), {
        id: randomUUID(),
        name: trimmed,
        joinCode: generateJoinCode(),
        createdAt: new Date(),
      });
      try {
        if (await this.organisations.joinCodeExists(organisation.joinCode)) continue;
        await this.organisations.insert(organisation);
        return { id: organisation.id, name: organisation.name, joinCode: organisation.joinCode };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (await this.organisations.nameExists(trimmed)) throw nameTaken();
      }
    }
    throw new Error(`No free join code found in ${JOIN_CODE_TRIES} tries`);
  }

  /** Administrators see every organisation; everyone else the ones they belong to. */
  async list(actor: Principal, page: number, pageSize: number): Promise<Page<OrganisationResponse>> {
    const own = actor.admin ? undefined : await this.memberships.forUser(actor.userId);
    const [rows, total] = await this.organisations.page(
      (page - 1) * pageSize,
      pageSize,
      own?.map((m) => m.organisationId),
    );
    const coordinates = new Set(own?.filter((m) => m.role === 'coordinator').map((m) => m.organisationId));
    return {
      items: rows.map((o) => ({
        id: o.id,
        name: o.name,
        ...(actor.admin || coordinates.has(o.id) ? { joinCode: o.joinCode } : {}),
      })),
      total,
      page,
      pageSize,
    };
  }
}
