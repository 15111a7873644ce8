import { Module } from '@nestjs/common';
import { IdentityRedis } from './identity-redis';

/** One Redis connection for the context, shared by the login counters and the HTTP throttler. */
@Module({ providers: [IdentityRedis], exports: [IdentityRedis] })
export class IdentityRedisModule {}
