import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Put, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthenticatedRequest,
  CurrentUser,
  type Principal,
} from '@academy/platform';
import type { FastifyReply } from 'fastify';
import { clearSessionCookies } from '../auth/auth.cookies';
import { AccountService } from './account.service';
import { ChangePasswordRequest } from './dto/change-password.request';
import { EraseAccountRequest } from './dto/erase-account.request';
import { MeResponse } from './dto/me.response';
import { UpdateMeRequest } from './dto/update-me.request';

/**
 * Guessing the password behind a stolen access token is bounded per account, not per address: the account
 * is what the attacker holds.
 */
const PASSWORD_CHECKS = {
  default: {
    limit: 10,
    ttl: 15 * 60_000,
    getTracker: (request: Record<string, unknown>) => {
      const { principal, ip } = request as Partial<AuthenticatedRequest>;
      return `user:${principal?.userId ?? ip ?? 'unknown'}`;
    },
  },
};

@ApiTags('account')
@ApiBearerAuth()
@Controller('api/me')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user with their memberships' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() principal: Principal): Promise<MeResponse> {
    return this.account.me(principal.userId);
  }

  @Patch()
  @ApiOperation({ summary: 'Change your name or language' })
  @ApiOkResponse({ type: MeResponse })
  update(@CurrentUser() principal: Principal, @Body() body: UpdateMeRequest): Promise<MeResponse> {
    return this.account.update(principal.userId, { displayName: body.displayName, locale: body.locale });
  }

  @Put('password')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @Throttle(PASSWORD_CHECKS)
  @ApiOperation({ summary: 'Change your password', description: 'Ends every session: log in again after.' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'The current password is not correct.' })
  async changePassword(
    @CurrentUser() principal: Principal,
    @Body() body: ChangePasswordRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.account.changePassword(principal.userId, body.currentPassword, body.newPassword);
    clearSessionCookies(reply, this.config);
  }

  @Delete()
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @Throttle(PASSWORD_CHECKS)
  @ApiOperation({
    summary: 'Delete your account',
    description: 'Erases you, your memberships and sessions; every part of the academy forgets you.',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'The password is not correct.' })
  async erase(
    @CurrentUser() principal: Principal,
    @Body() body: EraseAccountRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.account.erase(principal.userId, body.password);
    clearSessionCookies(reply, this.config);
  }
}
