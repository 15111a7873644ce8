import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/platform';
import type { EntityManager } from 'typeorm';
import type { OptionalMessagePolicy } from '../deliveries/delivery.service';
import { isMessageLocale } from '../templates/message-renderer';
import type { MessageLocale, OptionalKind } from '../notification.constants';
import type { PreferencesResponse, UpdatePreferencesRequest } from './dto/preferences.dto';
import { DEFAULT_PREFERENCES, type DigestCadence, type Preference } from './preference.entity';
import { PreferencesRepository } from './preferences.repository';

export interface EffectivePreferences {
  reminders: boolean;
  digest: DigestCadence;
  locale: MessageLocale | null;
  calendarToken: string | null;
}

/** What a person wants to receive: read by the messages that are optional, changed by the person. */
@Injectable()
export class PreferencesService implements OptionalMessagePolicy {
  private readonly baseUrl: string;

  constructor(
    private readonly preferences: PreferencesRepository,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'publicUrl'>,
  ) {
    this.baseUrl = config.publicUrl.replace(/\/$/, '');
  }

  async effective(userId: string, manager?: EntityManager): Promise<EffectivePreferences> {
    return effective(await this.preferences.find(userId, manager));
  }

  async get(userId: string): Promise<PreferencesResponse> {
    return this.response(await this.effective(userId));
  }

  async update(
    userId: string,
    request: UpdatePreferencesRequest,
    now = new Date(),
  ): Promise<PreferencesResponse> {
    const changes: Partial<Preference> = {};
    if (request.reminders !== undefined) changes.reminders = request.reminders;
    if (request.digest !== undefined) changes.digest = request.digest;
    if (request.locale !== undefined) changes.locale = request.locale;
    const row = await this.preferences.change(userId, changes, now);
    return this.response(effective(row));
  }

  /** A new secret for the calendar feed: the old address stops working at once. */
  async resetCalendarToken(userId: string, now = new Date()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.preferences.change(userId, { calendarToken: token }, now);
    return this.calendarFeedUrl(token);
  }

  /** From a signed unsubscribe link: one kind of optional message off. */
  async unsubscribe(userId: string, kind: OptionalKind, now = new Date()): Promise<void> {
    await this.preferences.change(
      userId,
      kind === 'reminder' ? { reminders: false } : { digest: 'off' },
      now,
    );
  }

  async wants(manager: EntityManager, recipientId: string, optional: OptionalKind): Promise<boolean> {
    const preferences = await this.effective(recipientId, manager);
    return optional === 'reminder' ? preferences.reminders : preferences.digest !== 'off';
  }

  async preferredLocale(recipientId: string, manager?: EntityManager): Promise<string | null> {
    return (await this.effective(recipientId, manager)).locale;
  }

  calendarFeedUrl(token: string): string {
    return `${this.baseUrl}/api/calendar/${token}.ics`;
  }

  private response(preferences: EffectivePreferences): PreferencesResponse {
    return {
      reminders: preferences.reminders,
      digest: preferences.digest,
      locale: preferences.locale,
      calendarFeedUrl: preferences.calendarToken ? this.calendarFeedUrl(preferences.calendarToken) : null,
    };
  }
}

function effective(row: Preference | null): EffectivePreferences {
  return {
    reminders: row?.reminders ?? DEFAULT_PREFERENCES.reminders,
    digest: row?.digest ?? DEFAULT_PREFERENCES.digest,
    locale: isMessageLocale(row?.locale) ? row.locale : null,
    calendarToken: row?.calendarToken ?? null,
  };
}
