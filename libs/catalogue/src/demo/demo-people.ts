import type { Principal } from '@academy/platform';

/**
 * The demo trainer (trainer@academie.example, "Geartsje Trainer") teaches every demo session. The catalogue
 * cannot look users up in identity, so both sides agree on this id: identity's demo seeder gives the demo
 * trainer exactly this id. WARNING: persisted in demo databases; changing it orphans their sessions.
 */
export const DEMO_TRAINER_ID = '6f1c2b7e-3a4d-4e5f-9b8a-7c6d5e4f3a21';

/** Who writes the demo catalogue and imports: academy staff acting for the system, not a person. */
export const SYSTEM_USER_ID = '00000000-0000-4000-8000-000000000000';

export const systemPrincipal = (what: string): Principal => ({
  userId: SYSTEM_USER_ID,
  displayName: what,
  locale: 'nl',
  admin: true,
  memberships: [],
  sessionId: `system:${what}`,
});
