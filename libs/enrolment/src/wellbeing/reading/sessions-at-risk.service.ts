import { Injectable } from '@nestjs/common';
import { EvaluationService } from '../evaluation/evaluation.service';
import { DEFAULT_RULE_CONFIG, type RuleConfig } from '../rules';
import type { SessionAtRiskDto } from './sessions-at-risk.dto';
import { SessionsAtRiskRepository } from './sessions-at-risk.repository';

/**
 * Sessions at risk for a coordinator's overview: upcoming sessions with volunteers of the organisation that may
 * not go ahead (below their minimum, go/no-go still ahead), or in which a volunteer's TRAIN-1 fired (a catch-up to
 * offer). The caller checks that the reader coordinates the organisation and writes the audit log.
 */
@Injectable()
export class SessionsAtRiskService {
  constructor(
    private readonly repository: SessionsAtRiskRepository,
    private readonly evaluation: EvaluationService,
  ) {}

  async forOrganisation(organisationId: string, now = new Date()): Promise<SessionAtRiskDto[]> {
    const rows = await this.repository.candidates(organisationId, now);
    // Each volunteer's TRAIN-1 threshold is the one their assessment is made with (per-organisation overrides).
    const missingIds = [...new Set(rows.flatMap((r) => (r.missing ? [r.missing.volunteerId] : [])))];
    const configs = missingIds.length
      ? await this.evaluation.configsFor(missingIds)
      : new Map<string, RuleConfig>();
    const sessions = new Map<string, SessionAtRiskDto>();
    for (const row of rows) {
      let session = sessions.get(row.sessionId);
      if (!session) {
        const below =
          row.goDecision === null &&
          row.goNoGoAt !== null &&
          row.goNoGoAt > now &&
          row.confirmed < row.minimumParticipants;
        session = {
          sessionId: row.sessionId,
          courseTitle: row.courseTitle,
          startsAt: row.firstStartsAt.toISOString(),
          endsAt: row.lastEndsAt.toISOString(),
          enrolledVolunteers: row.enrolledVolunteers,
          belowMinimum: below
            ? {
                confirmed: row.confirmed,
                minimum: row.minimumParticipants,
                goNoGoAt: row.goNoGoAt!.toISOString(),
              }
            : null,
          interrupted: [],
        };
        sessions.set(row.sessionId, session);
      }
      const missing = row.missing;
      if (
        missing &&
        missing.consecutiveMissed >= (configs.get(missing.volunteerId) ?? DEFAULT_RULE_CONFIG)['TRAIN-1'].info
      ) {
        session.interrupted.push(missing);
      }
    }
    return [...sessions.values()].filter((s) => s.belowMinimum !== null || s.interrupted.length > 0);
  }
}
