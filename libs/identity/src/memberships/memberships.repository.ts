import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { MembershipRole } from '../account/dto/me.response';
import { IDENTITY } from '../identity.constants';
import { Membership } from './membership.entity';

@Injectable()
export class MembershipsRepository {
  constructor(@InjectRepository(Membership, IDENTITY) private readonly repository: Repository<Membership>) {}

  private repo(manager?: EntityManager): Repository<Membership> {
    return manager ? manager.getRepository(Membership) : this.repository;
  }

  /** In a fixed order, so tokens and events list them the same way every time. */
  forUser(userId: string, manager?: EntityManager): Promise<Membership[]> {
    return this.repo(manager).find({ where: { userId }, order: { organisationId: 'ASC', role: 'ASC' } });
  }

  /** The organisations in which the user holds this role. */
  async organisationIdsWithRole(userId: string, role: MembershipRole): Promise<string[]> {
    const rows = await this.repository.find({ where: { userId, role }, select: { organisationId: true } });
    return rows.map((row) => row.organisationId);
  }

  async insert(memberships: Membership[], manager?: EntityManager): Promise<void> {
    if (memberships.length) await this.repo(manager).insert(memberships);
  }

  async deleteForUser(userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ userId });
  }
}
