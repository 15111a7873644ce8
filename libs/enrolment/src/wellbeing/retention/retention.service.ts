import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@academy/platform';
import { type DataSource, type EntityManager, LessThan } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { FlagsService } from '../flags/flags.service';
import { addWeeks, weekStartOf } from '../rules';
import {
  ActiveRoles,
  AssessmentRow,
  AuditEntry,
  CaringBand,
  CheckIn,
  Duty,
  Flag,
  FlagNote,
  Leave,
  PendingEvaluation,
  SelfCheckResult,
  SignalHistory,
  Visibility,
} from '../wellbeing.entities';

const DAY_MS = 86_400_000;
/** WELLBEING.md: signals older than 12 months go; self-check results after 24 months. */
export const SIGNAL_RETENTION_WEEKS = 52;
export const SELF_CHECK_RETENTION_DAYS = 730;

/**
 * Forgetting: old signals and self-checks by a daily job, and everything of a volunteer who erased their account.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('WellbeingRetention');

  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly flags: FlagsService,
  ) {}

  async purgeExpired(
    now = new Date(),
  ): Promise<{ signals: number; assessments: number; selfChecks: number }> {
    const oldestWeek = addWeeks(weekStartOf(now), -SIGNAL_RETENTION_WEEKS);
    const signalCutoff = new Date(now.getTime() - 365 * DAY_MS);
    const selfCheckCutoff = new Date(now.getTime() - SELF_CHECK_RETENTION_DAYS * DAY_MS);
    const outcome = await inTransaction(this.dataSource, async (manager) => ({
      signals:
        (await manager.getRepository(SignalHistory).delete({ weekStart: LessThan(oldestWeek) })).affected ??
        0,
      assessments:
        (await manager.getRepository(AssessmentRow).delete({ evaluatedAt: LessThan(signalCutoff) }))
          .affected ?? 0,
      selfChecks:
        (await manager.getRepository(SelfCheckResult).delete({ takenAt: LessThan(selfCheckCutoff) }))
          .affected ?? 0,
    }));
    if (outcome.signals || outcome.assessments || outcome.selfChecks) {
      this.logger.log(
        `retention removed ${outcome.signals} weekly signals, ${outcome.assessments} stale assessments, ${outcome.selfChecks} self-checks`,
      );
    }
    return outcome;
  }

  /**
   * Removes everything of a volunteer: inputs, assessments, history, self-checks, choices, the audit of views of
   * them, and their flags (open ones are withdrawn first, so a digest not yet sent leaves them out). As a viewer
   * or note author they are no longer named.
   */
  async erase(volunteerId: string, manager: EntityManager, now = new Date()): Promise<void> {
    await this.flags.withdraw(manager, volunteerId, null, now);
    const flagIds = (
      await manager.getRepository(Flag).find({ select: { id: true }, where: { volunteerId } })
    ).map((f) => f.id);
    for (let i = 0; i < flagIds.length; i += 500) {
      await manager
        .createQueryBuilder()
        .delete()
        .from(FlagNote)
        .where('flag_id IN (:...ids)', { ids: flagIds.slice(i, i + 500) })
        .execute();
    }
    for (const entity of [
      Flag,
      CheckIn,
      Duty,
      Leave,
      ActiveRoles,
      CaringBand,
      SelfCheckResult,
      Visibility,
      AssessmentRow,
      SignalHistory,
      AuditEntry,
      PendingEvaluation,
    ]) {
      await manager.getRepository(entity).delete({ volunteerId });
    }
    await manager
      .getRepository(AuditEntry)
      .update({ viewerId: volunteerId }, { viewerId: null, viewerName: '' });
    await manager.getRepository(FlagNote).update({ authorId: volunteerId }, { authorId: null });
    await manager.getRepository(Duty).update({ enteredBy: volunteerId }, { enteredBy: null });
  }
}
