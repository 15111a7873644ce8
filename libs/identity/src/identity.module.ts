import { Module } from '@nestjs/common';

/** Placeholder: organisations, users, memberships and authentication come here. */
@Module({})
export class IdentityModule {}
