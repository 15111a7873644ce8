import { defineEvent } from '../../event';
import { checkOneOf, checkWithItems } from '../enrolment/enrolment-facts';

export type FlagLevel = 'amber' | 'red';

export interface WellbeingFlagRaisedV1 {
  flagId: string;
  organisationId: string;
  /** The volunteer the flag is about; notification addresses their organisation's coordinators, never them. */
  volunteerId: string;
  level: FlagLevel;
  /** The volunteer's overall level before this evaluation. */
  previousLevel: 'green' | 'amber' | 'red';
  /** The rules that fired (codes such as `VOL-1`), never a score. */
  ruleCodes: string[];
  raisedAt: string;
  /**
   * True when the coordinators are told at once (the volunteer turned red outside the 14-day quiet period, or
   * escalated); otherwise the flag waits for the coordinator's digest.
   */
  notifyNow: boolean;
}

/**
 * A volunteer's objective load signals reached amber or red for an organisation whose coordinators may see them
 * (the volunteer did not object). Published by the load-signal module of the enrolment context.
 */
export const WELLBEING_FLAG_RAISED_V1 = defineEvent<WellbeingFlagRaisedV1>()(
  'enrolment.wellbeing-flag.raised.v1',
  (payload) => [
    ...checkWithItems(payload, {
      flagId: 'string',
      organisationId: 'string',
      volunteerId: 'string',
      level: 'string',
      previousLevel: 'string',
      ruleCodes: 'array',
      raisedAt: 'string',
      notifyNow: 'boolean',
    }),
    ...checkOneOf(payload, 'level', ['amber', 'red']),
    ...checkOneOf(payload, 'previousLevel', ['green', 'amber', 'red']),
  ],
);
