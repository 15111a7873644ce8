import { ApiProperty } from '@nestjs/swagger';
import type { Membership } from '@academy/platform';

export const LOCALES = ['nl', 'fy', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const MEMBERSHIP_ROLES = ['volunteer', 'trainer', 'coordinator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export class MembershipResponse {
  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  role!: Membership['role'];
}

/** The signed-in user as they see themselves (`GET /api/me`). */
export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sjoukje@example.org' })
  email!: string;

  @ApiProperty({ example: 'Sjoukje de Vries' })
  displayName!: string;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({ description: 'Academy staff' })
  admin!: boolean;

  @ApiProperty({ type: [MembershipResponse] })
  memberships!: MembershipResponse[];
}
