import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type Principal } from '@academy/platform';
import type { EntityManager } from 'typeorm';
import { PeopleRepository } from './people.repository';

/** Whether someone may act for a person: themselves, an administrator, or a coordinator of their organisation. */
@Injectable()
export class ActingFor {
  constructor(private readonly people: PeopleRepository) {}

  async may(principal: Principal, userId: string | null, manager?: EntityManager): Promise<boolean> {
    if (principal.admin) return true;
    if (!userId) return false;
    if (userId === principal.userId) return true;
    const coordinated = principal.memberships
      .filter((m) => m.role === 'coordinator')
      .map((m) => m.organisationId);
    for (const organisationId of coordinated) {
      if ((await this.people.volunteersOf(organisationId, [userId], manager)).size) return true;
    }
    return false;
  }

  /**
   * For enrolling someone else: only administrators and coordinators may try; a person who is not a volunteer of
   * the coordinator's organisation is not theirs to see, so "not found".
   */
  async assertMayEnrol(principal: Principal, userId: string): Promise<void> {
    if (userId === principal.userId) return;
    if (!principal.admin && !principal.memberships.some((m) => m.role === 'coordinator')) {
      throw forbidden('You can only enrol yourself.');
    }
    const person = await this.people.findById(userId);
    if (!person || person.erased || !(await this.may(principal, userId))) throw notFound('The volunteer');
  }
}
