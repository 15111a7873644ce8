import { Module } from '@nestjs/common';
import { messagingEntities } from '@academy/messaging';
import { DatabaseModule } from '@academy/platform';
import { RefreshToken } from './auth/refresh-token.entity';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository';
import { Membership } from './memberships/membership.entity';
import { MembershipsRepository } from './memberships/memberships.repository';
import { IDENTITY } from './identity.constants';
import { CreateIdentityTables1764300000000 } from './migrations/1764300000000-create-identity-tables';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationsRepository } from './organisations/organisations.repository';
import { User } from './users/user.entity';
import { UsersRepository } from './users/users.repository';

export const identityEntities = [
  Organisation,
  User,
  Membership,
  RefreshToken,
  ...messagingEntities(IDENTITY),
];
export const identityMigrations = [CreateIdentityTables1764300000000];

const repositories = [
  OrganisationsRepository,
  UsersRepository,
  MembershipsRepository,
  RefreshTokensRepository,
];

/** The identity context's own DataSource and the repositories over it. */
@Module({
  imports: [
    DatabaseModule.forContext({
      context: IDENTITY,
      entities: identityEntities,
      migrations: identityMigrations,
    }),
  ],
  providers: repositories,
  exports: [DatabaseModule, ...repositories],
})
export class IdentityDatabaseModule {}
