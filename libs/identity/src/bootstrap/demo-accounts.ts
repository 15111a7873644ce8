import type { MembershipRole } from '../account/dto/me.response';

/** Demo organisations, with fixed join codes so the README can name them. */
export const DEMO_ORGANISATIONS = [
  { key: 'ljouwert', name: 'Vrijwilligerscentrale Ljouwert', joinCode: 'VCFRYS26' },
  { key: 'sudwest', name: 'Mantelzorg Súdwest-Fryslân', joinCode: 'MZSWFR34' },
] as const;

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

export interface DemoAccount {
  /**
   * Only where another context's demo data names the person: the catalogue's demo sessions are taught by
   * the demo trainer (its DEMO_TRAINER_ID; contexts share no code, so the id is agreed, not imported).
   */
  id?: string;
  email: string;
  password: string;
  displayName: string;
  locale: 'nl' | 'fy' | 'en';
  admin: boolean;
  memberships: Array<{ organisation: DemoOrganisationKey; role: MembershipRole }>;
}

/**
 * The demo people, one per role, with known passwords (listed in the README). They exist only when
 * DEMO_DATA=on filled an empty database; the admin only when no ACADEMY_ADMIN_EMAIL is configured.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'admin@academie.example',
    password: 'Welkom bij de academie!',
    displayName: 'Anne Beheerder',
    locale: 'nl',
    admin: true,
    memberships: [],
  },
  {
    email: 'coordinator@academie.example',
    password: 'Coördinator in Ljouwert',
    displayName: 'Durk Coördinator',
    locale: 'nl',
    admin: false,
    memberships: [{ organisation: 'ljouwert', role: 'coordinator' }],
  },
  {
    id: '6f1c2b7e-3a4d-4e5f-9b8a-7c6d5e4f3a21',
    email: 'trainer@academie.example',
    password: 'Trainer met een warm hart',
    displayName: 'Geartsje Trainer',
    locale: 'fy',
    admin: false,
    memberships: [
      { organisation: 'ljouwert', role: 'trainer' },
      { organisation: 'sudwest', role: 'trainer' },
    ],
  },
  {
    email: 'vrijwilliger@academie.example',
    password: 'Vrijwilliger met plezier!',
    displayName: 'Sjoukje Vrijwilliger',
    locale: 'nl',
    admin: false,
    memberships: [{ organisation: 'ljouwert', role: 'volunteer' }],
  },
  {
    email: 'mantelzorger@academie.example',
    password: 'Soarch mei hert en siel',
    displayName: 'Wytse Mantelzorger',
    locale: 'fy',
    admin: false,
    memberships: [{ organisation: 'sudwest', role: 'volunteer' }],
  },
];
