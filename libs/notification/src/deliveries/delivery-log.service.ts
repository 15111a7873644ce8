import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '@academy/platform';
import { DeliveriesRepository } from './deliveries.repository';
import { nudgeDispatcher } from './delivery-nudge';
import { type DeliveryPage, type DeliveryQuery, DeliveryResponse } from './dto/delivery.response';

/** The delivery log for administrators, and their retry of a message that could not be delivered. */
@Injectable()
export class DeliveryLogService {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  async list(query: DeliveryQuery): Promise<DeliveryPage> {
    const [rows, total] = await this.deliveries.page(query.status, query.page, query.pageSize);
    return {
      items: rows.map((row) => DeliveryResponse.of(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A dead (or failed) delivery gets a fresh round of attempts at once. */
  async retry(id: string, now = new Date()): Promise<DeliveryResponse> {
    if (!(await this.deliveries.retry(id, now))) {
      const row = await this.deliveries.findById(id);
      if (!row) throw notFound('The delivery');
      throw new DomainError(
        'resource.conflict',
        `Only a dead or failed delivery can be retried; this one is ${row.status}.`,
      );
    }
    nudgeDispatcher();
    const row = await this.deliveries.findById(id);
    return DeliveryResponse.of(row!);
  }
}
