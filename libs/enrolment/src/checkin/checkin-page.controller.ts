import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '@academy/platform';
import { PageRenderer } from '@academy/web';
import { registerEnrolmentPages } from '../pages/enrolment-pages';
import { principalOf } from '../pages/my-trainings-page.controller';
import { uuidParam } from '../shared/uuid-param';
import { CheckinService } from './checkin.service';

/**
 * What the QR code on the trainer's phone opens. Opening it is the check-in: a volunteer in a village hall
 * scans and is done. The code in the URL (an HMAC only the server can make, valid for a minute or two and only
 * during the meeting) is what keeps it from being done from anywhere else.
 */
@ApiExcludeController()
@Controller('checkin')
export class CheckinPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly checkin: CheckinService,
  ) {
    registerEnrolmentPages(pages);
  }

  @Get(':meetingId')
  async checkIn(
    @Param('meetingId', uuidParam('The meeting')) meetingId: string,
    @Query('code') code: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const outcome = await this.checkin.checkIn(principal, meetingId, typeof code === 'string' ? code : '');
    const meeting = await this.checkin.describe(await this.checkin.meeting(meetingId));
    const locale = this.pages.localeOf(request, reply);
    const title = meeting.courseTitle;
    const key = outcome.done
      ? outcome.already
        ? 'enrolment.checkin.already'
        : `enrolment.checkin.${outcome.status === 'late' ? 'late' : 'present'}`
      : `enrolment.checkin.${outcome.reason}`;
    return this.pages.render(
      request,
      reply,
      'enrolment/checkin',
      { done: outcome.done, message: this.pages.t(locale, key, { title }) },
      {
        status: outcome.done ? 200 : outcome.reason === 'not-enrolled' ? 403 : 422,
        titleKey: 'enrolment.checkin.title',
      },
    );
  }
}
