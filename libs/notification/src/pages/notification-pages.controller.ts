import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, hasRole, notFound, type Principal } from '@academy/platform';
import {
  CsrfProtected,
  formErrors,
  type FormErrors,
  type Locale,
  NO_ERRORS,
  PageRenderer,
} from '@academy/web';
import { InboxRepository } from '../inbox/inbox.repository';
import { MESSAGE_LOCALES } from '../notification.constants';
import { DIGEST_CADENCES, type DigestCadence } from '../preferences/preference.entity';
import { PreferencesService } from '../preferences/preferences.service';
import { InboxPagesRepository } from './inbox-pages.repository';
import {
  formField,
  isUuid,
  pageNumber,
  registerNotificationPages,
  shortDateTime,
  type Translate,
} from './notification-pages';

const PAGE_SIZE = 20;

const NOTICES: Record<string, string> = {
  read: 'notification.inbox.notice.read',
  'all-read': 'notification.inbox.notice.all-read',
  saved: 'notification.preferences.saved',
  calendar: 'notification.preferences.calendar.created',
};

const LANGUAGE_LABELS: Record<string, string> = {
  nl: 'web.language.nl',
  fy: 'web.language.fy',
  en: 'web.language.en',
};

function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new Error('page without a principal');
  return request.principal;
}

const noticeOf = (query: Record<string, unknown>) =>
  typeof query.done === 'string' && Object.hasOwn(NOTICES, query.done) ? NOTICES[query.done] : undefined;

interface PreferenceValues {
  reminders?: string;
  digest?: string;
  locale?: string;
}

/**
 * A person's inbox (unread first, mark one or all read) and their message settings (reminders, digest,
 * language, calendar feed). Plain forms and redirects: works without JavaScript.
 */
@ApiExcludeController()
@Controller('notifications')
export class NotificationPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly inbox: InboxRepository,
    private readonly inboxPages: InboxPagesRepository,
    private readonly preferences: PreferencesService,
  ) {
    registerNotificationPages(pages);
  }

  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const page = pageNumber(query.page);
    const [[items, total], unread] = await Promise.all([
      this.inbox.pageOf(principal.userId, page, PAGE_SIZE),
      this.inbox.unreadCount(principal.userId),
    ]);
    const pages = Math.ceil(total / PAGE_SIZE);
    return this.pages.render(
      request,
      reply,
      'notification/inbox',
      {
        notice: noticeOf(query),
        unread,
        items: items.map((item) => ({
          id: item.id,
          title: item.title,
          body: item.body,
          // Only a path of the academy itself becomes a link.
          link: item.link?.startsWith('/') && !item.link.startsWith('//') ? item.link : undefined,
          read: !!item.readAt,
          createdAt: item.createdAt.toISOString(),
          when: shortDateTime(item.createdAt, locale),
        })),
        pager:
          pages > 1
            ? {
                previous: page > 1 ? `/notifications?page=${page - 1}` : undefined,
                next: page < pages ? `/notifications?page=${page + 1}` : undefined,
              }
            : undefined,
      },
      { titleKey: 'notification.inbox.title' },
    );
  }

  @Post('read-all')
  @CsrfProtected()
  async markAllRead(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.inboxPages.markAllRead(principalOf(request).userId, new Date());
    return reply.redirect('/notifications?done=all-read', 303);
  }

  @Post(':id/read')
  @CsrfProtected()
  async markRead(
    @Param('id') id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    // Another person's item is as unknown as one that never was.
    if (!isUuid(id) || !(await this.inbox.markRead(id, principalOf(request).userId, new Date()))) {
      throw notFound('The notification');
    }
    return reply.redirect('/notifications?done=read', 303);
  }

  @Get('preferences')
  async preferencesPage(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const current = await this.preferences.get(principal.userId);
    return this.renderPreferences(request, reply, principal, {
      notice: noticeOf(query),
      values: {
        reminders: current.reminders ? 'on' : 'off',
        digest: current.digest,
        locale: current.locale ?? 'profile',
      },
      calendarFeedUrl: current.calendarFeedUrl,
      errors: NO_ERRORS,
    });
  }

  @Post('preferences')
  @CsrfProtected()
  async savePreferences(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const coordinator = hasRole(principal, 'coordinator');
    const values: PreferenceValues = {
      reminders: formField(body, 'reminders'),
      digest: formField(body, 'digest'),
      locale: formField(body, 'locale'),
    };
    const problems: Array<{ field: string; message: string }> = [];
    if (values.reminders !== 'on' && values.reminders !== 'off') {
      problems.push({ field: 'reminders', message: t('notification.preferences.reminders.invalid') });
    }
    if (coordinator && !(DIGEST_CADENCES as readonly string[]).includes(values.digest ?? '')) {
      problems.push({ field: 'digest', message: t('notification.preferences.digest.invalid') });
    }
    const locales = ['profile', ...MESSAGE_LOCALES] as string[];
    if (!locales.includes(values.locale ?? '')) {
      problems.push({ field: 'locale', message: t('notification.preferences.locale.invalid') });
    }
    if (problems.length) {
      const current = await this.preferences.get(principal.userId);
      return this.renderPreferences(
        request,
        reply,
        principal,
        {
          values,
          calendarFeedUrl: current.calendarFeedUrl,
          errors: formErrors(problems, ['reminders', 'digest', 'locale']),
        },
        400,
      );
    }
    await this.preferences.update(principal.userId, {
      reminders: values.reminders === 'on',
      ...(coordinator ? { digest: values.digest as DigestCadence } : {}),
      locale: values.locale === 'profile' ? null : (values.locale as Locale),
    });
    return reply.redirect('/notifications/preferences?done=saved', 303);
  }

  @Post('preferences/calendar')
  @CsrfProtected()
  async resetCalendar(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    await this.preferences.resetCalendarToken(principalOf(request).userId);
    return reply.redirect('/notifications/preferences?done=calendar#calendar-heading', 303);
  }

  private renderPreferences(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    principal: Principal,
    data: {
      notice?: string;
      values: PreferenceValues;
      calendarFeedUrl: string | null;
      errors: FormErrors;
    },
    status = 200,
  ): FastifyReply {
    return this.pages.render(
      request,
      reply,
      'notification/preferences',
      {
        ...data,
        coordinator: hasRole(principal, 'coordinator'),
        reminderOptions: [
          { value: 'on', labelKey: 'notification.preferences.reminders.on' },
          { value: 'off', labelKey: 'notification.preferences.reminders.off' },
        ],
        digestOptions: DIGEST_CADENCES.map((value) => ({
          value,
          labelKey: `notification.preferences.digest.${value}`,
        })),
        localeOptions: [
          { value: 'profile', labelKey: 'notification.preferences.locale.profile' },
          ...MESSAGE_LOCALES.map((value) => ({ value, labelKey: LANGUAGE_LABELS[value], lang: value })),
        ],
      },
      { titleKey: 'notification.preferences.title', status },
    );
  }
}
