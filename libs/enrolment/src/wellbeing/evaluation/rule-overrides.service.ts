import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, inTransaction, type Principal } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import {
  DEFAULT_RULE_CONFIG,
  type RuleConfig,
  type RuleConfigOverrides,
  tryResolveRuleConfig,
} from '../rules';
import { WellbeingAccess } from '../shared/wellbeing-access';
import { RuleOverrides } from '../wellbeing.entities';
import { AssessmentsRepository } from './assessments.repository';
import { EvaluationService } from './evaluation.service';

export interface RuleOverridesView {
  organisationId: string;
  overrides: RuleConfigOverrides;
  /** The configuration in force: the defaults with the overrides, and its version. */
  effective: RuleConfig;
}

/**
 * An organisation's own thresholds (validated against the rule configuration). A volunteer is evaluated with
 * the overrides of the first of their organisations (by id) that has any, else with the defaults; a change
 * queues the organisation's volunteers for a fresh evaluation.
 */
@Injectable()
export class RuleOverridesService {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsRepository,
    private readonly evaluation: EvaluationService,
    private readonly access: WellbeingAccess,
  ) {}

  async get(principal: Principal, organisationId: string): Promise<RuleOverridesView> {
    this.access.assertCoordinatorOf(principal, organisationId);
    const stored = await this.assessments.overridesOf(organisationId);
    const overrides = stored ? (JSON.parse(stored.overrides) as RuleConfigOverrides) : {};
    const resolved = tryResolveRuleConfig(overrides);
    // Stored overrides were valid when saved; should a later rule version refuse them, the defaults apply.
    return { organisationId, overrides, effective: resolved.ok ? resolved.config : DEFAULT_RULE_CONFIG };
  }

  async set(
    principal: Principal,
    organisationId: string,
    overrides: unknown,
    now = new Date(),
  ): Promise<RuleOverridesView> {
    this.access.assertCoordinatorOf(principal, organisationId);
    const resolved = tryResolveRuleConfig(overrides);
    if (!resolved.ok) {
      throw new DomainError('validation.failed', 'Some thresholds are not valid.', {
        errors: resolved.errors.map((e) => ({
          field: e.field ? `overrides.${e.field}` : 'overrides',
          messages: [e.message],
        })),
      });
    }
    await this.assessments.saveOverrides(
      Object.assign(new RuleOverrides(), {
        organisationId,
        overrides: JSON.stringify(overrides ?? {}),
        updatedBy: principal.userId,
        updatedAt: now,
      }),
    );
    const volunteers = await this.assessments.volunteersOf(organisationId);
    await inTransaction(this.dataSource, (manager) => this.evaluation.markChanged(volunteers, manager, now));
    return {
      organisationId,
      overrides: overrides ?? {},
      effective: resolved.config,
    };
  }
}
