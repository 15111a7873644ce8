import { Injectable } from '@nestjs/common';
import { DomainError, forbidden, hasRole, notFound, type Principal } from '@academy/platform';
import { SharingRepository } from '../inputs/sharing.repository';

/**
 * Who may do what with load signals. A coordinator acts only within their own organisations: asking about another
 * organisation is refused (403, the function), and a volunteer or flag of another organisation is "not found"
 * (404, the object).
 */
@Injectable()
export class WellbeingAccess {
  constructor(private readonly sharing: SharingRepository) {}

  assertCoordinatorOf(principal: Principal, organisationId: string): void {
    if (principal.admin || hasRole(principal, 'coordinator', organisationId)) return;
    throw forbidden('Only the coordinators of this organisation may see this.');
  }

  coordinatedOrganisations(principal: Principal): string[] {
    return principal.memberships.filter((m) => m.role === 'coordinator').map((m) => m.organisationId);
  }

  /** The volunteer a request is about: the caller, or (for a coordinator) a volunteer of their organisation. */
  async volunteerFor(principal: Principal, volunteerId: string | undefined): Promise<string> {
    if (!volunteerId || volunteerId === principal.userId) return principal.userId;
    const coordinated = this.coordinatedOrganisations(principal);
    if (!principal.admin && !coordinated.length) {
      throw forbidden('Only coordinators may enter this for someone else.');
    }
    if (principal.admin) return volunteerId;
    for (const organisationId of coordinated) {
      if (await this.sharing.isVolunteerOf(volunteerId, organisationId)) return volunteerId;
    }
    throw notFound('The volunteer');
  }
}

/** A field error answered as 400 problem+json, like the validation pipe's. */
export const fieldError = (field: string, message: string): DomainError =>
  new DomainError('validation.failed', 'Some fields are not valid.', {
    errors: [{ field, messages: [message] }],
  });

/** A request that is well-formed but breaks a rule (422), naming the field. */
export const ruleError = (field: string, message: string): DomainError =>
  new DomainError('rule.violated', message, { errors: [{ field, messages: [message] }] });
