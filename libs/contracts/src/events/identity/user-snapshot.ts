/** What other contexts may know of a user: enough to address and scope, nothing secret. */
export interface UserSnapshot {
  userId: string;
  email: string;
  displayName: string;
  locale: 'nl' | 'fy' | 'en';
  admin: boolean;
  memberships: Array<{ organisationId: string; role: 'volunteer' | 'trainer' | 'coordinator' }>;
}

export const USER_SNAPSHOT_FIELDS = {
  userId: 'string',
  email: 'string',
  displayName: 'string',
  locale: 'string',
  admin: 'boolean',
  memberships: 'array',
} as const;
