import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, DomainError, notFound, Roles } from '@academy/platform';
import { CsrfProtected, PageRenderer } from '@academy/web';
import { DeliveryLogService } from '../deliveries/delivery-log.service';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../notification.constants';
import { isUuid, pageNumber, registerNotificationPages, shortDateTime } from './notification-pages';

const PAGE_SIZE = 25;
const isStatus = (value: unknown): value is DeliveryStatus =>
  typeof value === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(value);

/** The delivery log for administrators: filter by status, see why a message failed, send it again. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/deliveries')
export class AdminDeliveriesPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly log: DeliveryLogService,
  ) {
    registerNotificationPages(pages);
  }

  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const locale = this.pages.localeOf(request, reply);
    const status = isStatus(query.status) ? query.status : undefined;
    const page = pageNumber(query.page);
    const result = await this.log.list({ status, page, pageSize: PAGE_SIZE });
    const pages = Math.ceil(result.total / PAGE_SIZE);
    const link = (to: number) =>
      `/admin/deliveries?${new URLSearchParams({ ...(status ? { status } : {}), page: String(to) }).toString()}`;
    return this.pages.render(
      request,
      reply,
      'notification/deliveries',
      {
        notice: query.done === 'retried' ? 'notification.deliveries.retried' : undefined,
        problem: query.problem === 'not-retryable' ? 'notification.deliveries.not-retryable' : undefined,
        total: result.total,
        statusOptions: [undefined, ...DELIVERY_STATUSES].map((value) => ({
          value: value ?? '',
          labelKey: `notification.deliveries.statuses.${value ?? 'all'}`,
          selected: value === status,
        })),
        items: result.items.map((item) => ({
          ...item,
          statusKey: `notification.deliveries.statuses.${item.status}`,
          problem: item.status === 'failed' || item.status === 'dead',
          retryable: item.status === 'failed' || item.status === 'dead',
          queuedWhen: shortDateTime(new Date(item.queuedAt), locale),
          sentWhen: item.sentAt ? shortDateTime(new Date(item.sentAt), locale) : undefined,
        })),
        pager:
          pages > 1
            ? {
                previous: page > 1 ? link(page - 1) : undefined,
                next: page < pages ? link(page + 1) : undefined,
              }
            : undefined,
      },
      { titleKey: 'notification.deliveries.title' },
    );
  }

  @Post(':id/retry')
  @CsrfProtected()
  async retry(@Param('id') id: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (!isUuid(id)) throw notFound('The delivery');
    try {
      await this.log.retry(id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'resource.conflict') {
        return reply.redirect('/admin/deliveries?problem=not-retryable', 303);
      }
      throw error;
    }
    return reply.redirect('/admin/deliveries?done=retried', 303);
  }
}
