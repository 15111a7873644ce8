import { defineEvent } from '../../event';
import { checkOneOf, checkWithItems } from '../enrolment/enrolment-facts';

export interface WellbeingFlagClosedV1 {
  flagId: string;
  organisationId: string;
  volunteerId: string;
  /** `resolved` by a coordinator, or `withdrawn` when the volunteer objected to sharing or was erased. */
  reason: 'resolved' | 'withdrawn';
  closedAt: string;
}

/** A flag needs no more attention: a digest not yet sent leaves it out. */
export const WELLBEING_FLAG_CLOSED_V1 = defineEvent<WellbeingFlagClosedV1>()(
  'enrolment.wellbeing-flag.closed.v1',
  (payload) => [
    ...checkWithItems(payload, {
      flagId: 'string',
      organisationId: 'string',
      volunteerId: 'string',
      reason: 'string',
      closedAt: 'string',
    }),
    ...checkOneOf(payload, 'reason', ['resolved', 'withdrawn']),
  ],
);
