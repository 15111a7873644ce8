import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ATTENDANCE_RECORDED_V1,
  type AttendanceRecordedV1,
  ENROLMENT_CANCELLED_V1,
  type EnrolmentCancelledV1,
  type EventEnvelope,
} from '@academy/contracts';
import { outboxTable } from '@academy/messaging';
import type { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { AssessmentsRepository } from './assessments.repository';
import { DEBOUNCE_MS } from './evaluation.service';

/** The volunteers an enrolment-context event concerns, for the load signals; none for other events. */
export function volunteersConcerned(envelope: EventEnvelope): string[] {
  if (envelope.type === ATTENDANCE_RECORDED_V1.type) {
    return (envelope.payload as AttendanceRecordedV1).records
      .map((record) => record.userId)
      .filter((id): id is string => typeof id === 'string');
  }
  if (envelope.type === ENROLMENT_CANCELLED_V1.type)
    return [(envelope.payload as EnrolmentCancelledV1).userId];
  return [];
}

/**
 * Attendance recorded and enrolments cancelled change the load signals. Both are announced in this context's
 * outbox, in the transaction that makes the change; watching those inserts queues the volunteers in the same
 * transaction (wellbeing_pending), so a restart loses nothing and the enrolment code needs no call into this
 * module. The scheduler evaluates the queue once the changes have settled.
 */
@Injectable()
export class ChangeWatcher implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsRepository,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<unknown>): Promise<void> {
    if (event.metadata.tableName !== outboxTable(ENROLMENT)) return;
    const row = event.entity as { type?: string; payload?: string } | undefined;
    if (row?.type !== ATTENDANCE_RECORDED_V1.type && row?.type !== ENROLMENT_CANCELLED_V1.type) return;
    const volunteers = volunteersConcerned(JSON.parse(row.payload!) as EventEnvelope);
    await this.assessments.markPending(volunteers, new Date(Date.now() + DEBOUNCE_MS), event.manager);
  }
}
