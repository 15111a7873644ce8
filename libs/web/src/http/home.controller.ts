import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthenticatedRequest, Public } from '@academy/platform';
import { PageRenderer } from '../render/page-renderer';

/** Outcomes another page may redirect here with (`/?done=…`); anything else is ignored. */
const NOTICES: Record<string, string> = {
  'logged-out': 'web.home.notice.logged-out',
  erased: 'web.home.notice.erased',
  welcome: 'web.home.notice.welcome',
};

@ApiExcludeController()
@Public()
@Controller()
export class HomeController {
  constructor(private readonly pages: PageRenderer) {}

  @Get()
  home(
    @Query('done') done: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const principal = (request as AuthenticatedRequest).principal;
    return this.pages.render(
      request,
      reply,
      'web/home',
      {
        notice: done && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined,
        name: principal?.displayName,
      },
      { titleKey: 'web.home.title' },
    );
  }
}
