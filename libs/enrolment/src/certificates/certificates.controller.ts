import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, type Principal } from '@academy/platform';
import { DEFAULT_LOCALE, isLocale, PageRenderer } from '@academy/web';
import { registerEnrolmentPages } from '../pages/enrolment-pages';
import { uuidParam } from '../shared/uuid-param';
import { CertificateService } from './certificate.service';

@ApiTags('enrolment')
@ApiBearerAuth()
@Controller('api/enrolments')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificateService,
    private readonly pages: PageRenderer,
  ) {
    registerEnrolmentPages(pages);
  }

  @Get(':id/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Certificate of participation (PDF) of a completed enrolment of your own',
    description: 'In the language of your account. 404 for an enrolment not completed or not yours.',
  })
  @ApiNotFoundResponse()
  async certificate(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The enrolment')) id: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const locale = isLocale(principal.locale) ? principal.locale : DEFAULT_LOCALE;
    const { pdf, filename } = await this.certificates.certificate(principal, id, locale, (key, params) =>
      this.pages.t(locale, key, params),
    );
    return sendPdf(reply, pdf, filename);
  }
}

export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): FastifyReply {
  return reply
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('application/pdf')
    .send(pdf);
}
