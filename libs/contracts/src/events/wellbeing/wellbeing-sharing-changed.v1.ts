import { check, defineEvent } from '../../event';

export interface WellbeingSharingChangedV1 {
  volunteerId: string;
  organisationId: string;
  /** True: the volunteer objects; their organisation's coordinators see and hear nothing of their signals. */
  objectToSharing: boolean;
  changedAt: string;
}

/** A volunteer objected to sharing their signals with an organisation, or withdrew the objection. Honoured at once. */
export const WELLBEING_SHARING_CHANGED_V1 = defineEvent<WellbeingSharingChangedV1>()(
  'enrolment.wellbeing-sharing.changed.v1',
  (payload) =>
    check.fields(payload, {
      volunteerId: 'string',
      organisationId: 'string',
      objectToSharing: 'boolean',
      changedAt: 'string',
    }),
);
