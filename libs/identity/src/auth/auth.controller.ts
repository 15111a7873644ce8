import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthenticatedRequest,
  CurrentUser,
  DomainError,
  type Principal,
  Public,
} from '@academy/platform';
import type { FastifyReply } from 'fastify';
import {
  clearSessionCookies,
  refreshTokenFromCookie,
  REFRESH_COOKIE,
  setRefreshCookie,
} from './auth.cookies';
import { AuthService } from './auth.service';
import { LoginRequest } from './dto/login.request';
import { LoginResponse, RefreshResponse } from './dto/login.response';
import { RefreshRequest } from './dto/refresh.request';
import { LOGIN_RESULT, LocalAuthGuard, type LoginRequestWithResult } from './local-auth.guard';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in',
    description: `Answers an access token and sets the refresh token as the HttpOnly cookie \`${REFRESH_COOKIE}\`.`,
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email address or password (the same answer for both).' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed tries for this account or address; see Retry-After.',
  })
  login(
    @Body() _credentials: LoginRequest,
    @Req() request: LoginRequestWithResult,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): LoginResponse {
    const result = request[LOGIN_RESULT];
    if (!result)
      throw new DomainError('auth.invalid-credentials', 'The email address or password is not correct.');
    setRefreshCookie(reply, result.refreshToken, this.config);
    return { accessToken: result.accessToken, expiresIn: result.expiresIn, user: result.user };
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token',
    description: 'Each refresh token works once; presenting a used one again ends its whole session.',
  })
  @ApiOkResponse({ type: RefreshResponse })
  @ApiUnauthorizedResponse({ description: 'No, an unknown, expired, revoked or reused refresh token.' })
  async refresh(
    @Body() body: RefreshRequest,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefreshResponse> {
    const fromBody = body.refreshToken;
    const token = fromBody ?? refreshTokenFromCookie(request);
    if (!token) throw new DomainError('auth.unauthenticated', 'Log in to continue.');
    try {
      const result = await this.auth.refresh(token);
      const response: RefreshResponse = {
        accessToken: result.accessToken,
        expiresIn: result.expiresIn,
        user: result.user,
      };
      if (fromBody) response.refreshToken = result.refreshToken;
      else setRefreshCookie(reply, result.refreshToken, this.config);
      return response;
    } catch (error) {
      if (!fromBody) clearSessionCookies(reply, this.config);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End this session', description: 'Its refresh and access tokens stop working.' })
  @ApiNoContentResponse()
  async logout(
    @Body() body: RefreshRequest,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const sessionId = request.principal?.sessionId;
    const token = body.refreshToken ?? refreshTokenFromCookie(request);
    if (sessionId) await this.auth.logout(sessionId);
    else if (token) await this.auth.logoutByRefreshToken(token);
    clearSessionCookies(reply, this.config);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every session of the signed-in user, on every device' })
  @ApiNoContentResponse()
  async logoutEverywhere(
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logoutEverywhere(principal.userId);
    clearSessionCookies(reply, this.config);
  }
}
