import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { isDuplicateKey } from '@academy/platform';
import { NOTIFICATION } from '../notification.constants';

import { DEFAULT_PREFERENCES, type Preference } from './preference.entity';
import { Preference as PreferenceEntity } from './preference.entity';

type Changes = Partial<
  Pick<Preference, 'reminders' | 'digest' | 'locale' | 'calendarToken' | 'digestSentAt'>
>;

/** People's preferences: queries only (defaults are filled in by the caller's rules). */
@Injectable()
export class PreferencesRepository {
  constructor(
    @InjectRepository(PreferenceEntity, NOTIFICATION) private readonly repository: Repository<Preference>,
  ) {}

  private repo(manager?: EntityManager): Repository<Preference> {
    return manager ? manager.getRepository(PreferenceEntity) : this.repository;
  }

  find(userId: string, manager?: EntityManager): Promise<Preference | null> {
    return this.repo(manager).findOneBy({ userId });
  }

  async findMany(userIds: string[], manager?: EntityManager): Promise<Map<string, Preference>> {
    if (!userIds.length) return new Map();
    const rows = await this.repo(manager).findBy({ userId: In([...new Set(userIds)]) });
    return new Map(rows.map((row) => [row.userId, row]));
  }

  findByCalendarToken(token: string): Promise<Preference | null> {
    return this.repository.findOneBy({ calendarToken: token });
  }

  /** Changes a person's row, creating it with the defaults first when they have none. */
  async change(userId: string, changes: Changes, now: Date, manager?: EntityManager): Promise<Preference> {
    const repo = this.repo(manager);
    const result = await repo.update({ userId }, { ...changes, updatedAt: now });
    if ((result.affected ?? 0) === 0) {
      try {
        await repo.insert({
          userId,
          ...DEFAULT_PREFERENCES,
          calendarToken: null,
          digestSentAt: null,
          ...changes,
          updatedAt: now,
        });
      } catch (error) {
        // Someone created the row in the meantime (two tabs): change theirs.
        if (!isDuplicateKey(error)) throw error;
        await repo.update({ userId }, { ...changes, updatedAt: now });
      }
    }
    return (await repo.findOneBy({ userId })) as Preference;
  }
}
