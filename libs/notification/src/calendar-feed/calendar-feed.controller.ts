import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { notFound, Public } from '@academy/platform';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('notifications')
@Controller('api/calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /**
   * The personal feed: public, found by its unguessable token (`POST /api/calendar/token` makes a new one).
   * Calendar apps poll it; they may keep it five minutes, and an unchanged feed answers 304.
   */
  @Public()
  @Get(':file')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar feed of the confirmed meetings.' })
  async feed(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    if (!file.endsWith('.ics')) throw notFound('The calendar');
    const { body, etag } = await this.feeds.feed(file.slice(0, -'.ics'.length));
    reply
      .header('cache-control', 'private, max-age=300')
      .header('etag', etag)
      .header('x-robots-tag', 'noindex')
      .header('referrer-policy', 'no-referrer');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) return reply.status(304).send();
    return reply.status(200).type('text/calendar; charset=utf-8').send(body);
  }
}
