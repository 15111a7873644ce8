import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { Notification } from '../inbox/notification.entity';
import { NOTIFICATION } from '../notification.constants';

/** What the inbox page needs beside the inbox API's repository. */
@Injectable()
export class InboxPagesRepository {
  constructor(
    @InjectRepository(Notification, NOTIFICATION) private readonly repository: Repository<Notification>,
  ) {}

  /** Marks every unread item of the person read; returns how many. */
  async markAllRead(recipientId: string, at: Date): Promise<number> {
    const result = await this.repository.update({ recipientId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }
}
