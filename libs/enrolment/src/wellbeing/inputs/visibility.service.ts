import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WELLBEING_SHARING_CHANGED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { inTransaction, notFound, type Principal } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { FlagsService } from '../flags/flags.service';
import { Visibility } from '../wellbeing.entities';
import { SharingRepository } from './sharing.repository';

/**
 * The volunteer's objection to sharing their signals with an organisation. Honoured from the moment it commits:
 * every coordinator read checks it, open flags for that organisation are withdrawn, and notification hears of
 * both (flag closed, sharing changed) through the outbox in the same transaction.
 */
@Injectable()
export class VisibilityService {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly sharing: SharingRepository,
    private readonly flags: FlagsService,
  ) {}

  async set(
    principal: Principal,
    organisationId: string,
    objectToSharing: boolean,
    now = new Date(),
  ): Promise<{ organisationId: string; objectToSharing: boolean; flagsWithdrawn: number }> {
    const volunteerId = principal.userId;
    if (!(await this.sharing.isVolunteerOf(volunteerId, organisationId))) throw notFound('The organisation');
    const flagsWithdrawn = await inTransaction(this.dataSource, async (manager) => {
      await this.sharing.setChoice(
        Object.assign(new Visibility(), { volunteerId, organisationId, objectToSharing, changedAt: now }),
        manager,
      );
      const withdrawn = objectToSharing
        ? await this.flags.withdraw(manager, volunteerId, organisationId, now)
        : 0;
      await appendToOutbox(manager, ENROLMENT, WELLBEING_SHARING_CHANGED_V1, {
        volunteerId,
        organisationId,
        objectToSharing,
        changedAt: now.toISOString(),
      });
      return withdrawn;
    });
    return { organisationId, objectToSharing, flagsWithdrawn };
  }
}
