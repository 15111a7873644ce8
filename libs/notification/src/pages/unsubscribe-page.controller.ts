import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@academy/platform';
import { PageRenderer } from '@academy/web';
import { PreferencesService } from '../preferences/preferences.service';
import { UnsubscribeTokens } from '../preferences/unsubscribe-tokens';
import { formField, registerNotificationPages } from './notification-pages';

/**
 * The unsubscribe link of an optional email: works without logging in, because the signed token is the proof.
 * GET asks (a link preview or a virus scanner must not unsubscribe anyone); POST applies — from our own form, or
 * as RFC 8058's one-click `List-Unsubscribe=One-Click` from the mail client, which carries no CSRF token and no
 * cookie, so this form has none either. A bad or expired token gets a page saying so, never an error.
 */
@ApiExcludeController()
@Public()
@Controller('notifications/unsubscribe')
export class UnsubscribePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: PreferencesService,
  ) {
    registerNotificationPages(pages);
  }

  @Get()
  ask(
    @Query('token') token: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const check = this.tokens.verify(token);
    if (!check.valid) return this.refused(request, reply, check.reason);
    return this.pages.render(
      request,
      reply,
      'notification/unsubscribe',
      {
        heading: `notification.unsubscribe.heading-${check.kind}`,
        message: `notification.unsubscribe.ask-${check.kind}`,
        token,
      },
      { titleKey: 'notification.unsubscribe.title' },
    );
  }

  @Post()
  @HttpCode(200)
  async apply(
    @Query('token') queryToken: unknown,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const check = this.tokens.verify(formField(body, 'token') ?? queryToken);
    if (!check.valid) return this.refused(request, reply, check.reason);
    await this.preferences.unsubscribe(check.userId, check.kind);
    return this.pages.render(
      request,
      reply,
      'notification/unsubscribe',
      {
        done: true,
        heading: 'notification.unsubscribe.done-heading',
        message: `notification.unsubscribe.done-${check.kind}`,
      },
      { titleKey: 'notification.unsubscribe.title' },
    );
  }

  private refused(request: FastifyRequest, reply: FastifyReply, reason: 'invalid' | 'expired'): FastifyReply {
    return this.pages.render(
      request,
      reply,
      'notification/unsubscribe',
      {
        heading: `notification.unsubscribe.${reason}-heading`,
        message: `notification.unsubscribe.${reason}`,
      },
      { titleKey: 'notification.unsubscribe.title', status: reason === 'expired' ? 410 : 400 },
    );
  }
}
