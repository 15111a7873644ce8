import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WELLBEING_FLAG_CLOSED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { inTransaction, notFound, type Page, type Principal, DomainError } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT } from '../../enrolment.constants';
import { PeopleRepository } from '../../people/people.repository';
import { SharingRepository } from '../inputs/sharing.repository';
import { AuditRepository } from '../reading/audit.repository';
import { WellbeingAccess } from '../shared/wellbeing-access';
import { type Flag, type FlagEventKind, FlagNote, type FlagStatus } from '../wellbeing.entities';
import { ACTIVE_FLAG_STATUSES, FlagsRepository } from './flags.repository';

export interface FlagView {
  id: string;
  organisationId: string;
  volunteerId: string;
  volunteerName: string | null;
  level: 'amber' | 'red';
  ruleCodes: string[];
  status: FlagStatus;
  raisedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  timeline: Array<{ kind: FlagEventKind; at: string; authorId: string | null; note: string | null }>;
}

const FLAG_STATUSES: FlagStatus[] = ['open', 'acknowledged', 'resolved', 'withdrawn'];

/**
 * Coordinators follow up on flags: list them, acknowledge (a check-in was logged: the 14-day quiet period starts),
 * resolve with a note. Flags of a volunteer who objected are withdrawn and no longer shown.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly flags: FlagsRepository,
    private readonly sharing: SharingRepository,
    private readonly access: WellbeingAccess,
    private readonly audit: AuditRepository,
    private readonly people: PeopleRepository,
  ) {}

  async list(
    principal: Principal,
    organisationId: string,
    status: string | undefined,
    page: number,
    pageSize: number,
    now = new Date(),
  ): Promise<Page<FlagView>> {
    this.access.assertCoordinatorOf(principal, organisationId);
    const statuses = status ? status.split(',') : undefined;
    if (statuses?.some((s) => !FLAG_STATUSES.includes(s as FlagStatus))) {
      throw new DomainError('validation.failed', 'Some fields are not valid.', {
        errors: [{ field: 'status', messages: [`status must be one of: ${FLAG_STATUSES.join(', ')}`] }],
      });
    }
    const [flags, total] = await this.flags.page(
      organisationId,
      (statuses as FlagStatus[] | undefined) ?? undefined,
      (page - 1) * pageSize,
      pageSize,
    );
    const visible = await this.visibleOnly(flags);
    await this.audit.record(
      principal,
      organisationId,
      visible.map((f) => f.volunteerId),
      'flags',
      now,
    );
    const nameMap = await this.people.namesOf(visible.map((f) => f.volunteerId));
    const notes = await this.flags.notesOf(visible.map((f) => f.id));
    return {
      items: visible.map((flag) => view(flag, nameMap.get(flag.volunteerId) ?? null, notes)),
      total,
      page,
      pageSize,
    };
  }

  async get(principal: Principal, id: string, now = new Date()): Promise<FlagView> {
    const flag = await this.visibleFlag(principal, id);
    await this.audit.record(principal, flag.organisationId, [flag.volunteerId], 'flag', now);
    const nameMap = await this.people.namesOf([flag.volunteerId]);
    return view(flag, nameMap.get(flag.volunteerId) ?? null, await this.flags.notesOf([flag.id]));
  }

  async acknowledge(principal: Principal, id: string, note: string | undefined, now = new Date()) {
    await this.visibleFlag(principal, id);
    await inTransaction(this.dataSource, async (manager) => {
      const flag = await this.flags.lock(id, manager);
      if (!flag) throw notFound('The flag');
      if (!ACTIVE_FLAG_STATUSES.includes(flag.status)) {
        throw new DomainError('rule.violated', 'This flag is closed already.');
      }
      const kind: FlagEventKind = flag.status === 'open' ? 'acknowledged' : 'noted';
      await this.flags.update(
        id,
        { status: 'acknowledged', acknowledgedAt: flag.acknowledgedAt ?? now, updatedAt: now },
        manager,
      );
      await this.addNote(manager, id, kind, principal.userId, note ?? null, now);
    });
  }

  async resolve(principal: Principal, id: string, note: string | undefined, now = new Date()) {
    await this.visibleFlag(principal, id);
    await inTransaction(this.dataSource, async (manager) => {
      const flag = await this.flags.lock(id, manager);
      if (!flag) throw notFound('The flag');
      if (!ACTIVE_FLAG_STATUSES.includes(flag.status)) {
        throw new DomainError('rule.violated', 'This flag is closed already.');
      }
      await this.flags.update(id, { status: 'resolved', closedAt: now, updatedAt: now }, manager);
      await this.addNote(manager, id, 'resolved', principal.userId, note ?? null, now);
      await appendToOutbox(manager, ENROLMENT, WELLBEING_FLAG_CLOSED_V1, {
        flagId: id,
        organisationId: flag.organisationId,
        volunteerId: flag.volunteerId,
        reason: 'resolved',
        closedAt: now.toISOString(),
      });
    });
  }

  /** The volunteer objected (or was erased): their open flags for the organisation(s) are withdrawn and told. */
  async withdraw(
    manager: EntityManager,
    volunteerId: string,
    organisationId: string | null,
    now: Date,
  ): Promise<number> {
    const active = organisationId
      ? await this.flags.activeOfVolunteerIn(volunteerId, organisationId, manager)
      : await this.flags.activeOfVolunteer(volunteerId, manager);
    for (const flag of active) {
      await this.flags.update(flag.id, { status: 'withdrawn', closedAt: now, updatedAt: now }, manager);
      await this.addNote(manager, flag.id, 'withdrawn', null, null, now);
      await appendToOutbox(manager, ENROLMENT, WELLBEING_FLAG_CLOSED_V1, {
        flagId: flag.id,
        organisationId: flag.organisationId,
        volunteerId,
        reason: 'withdrawn',
        closedAt: now.toISOString(),
      });
    }
    return active.length;
  }

  /** A flag the caller may see: of an organisation they coordinate, of a volunteer who did not object; else 404. */
  private async visibleFlag(principal: Principal, id: string): Promise<Flag> {
    const flag = await this.flags.findById(id);
    if (!flag) throw notFound('The flag');
    const mine =
      principal.admin || this.access.coordinatedOrganisations(principal).includes(flag.organisationId);
    if (!mine || !(await this.sharing.mayShareWith(flag.volunteerId, flag.organisationId))) {
      throw notFound('The flag');
    }
    return flag;
  }

  private async visibleOnly(flags: Flag[]): Promise<Flag[]> {
    const shared = await this.sharing.sharedOrganisationsOf([...new Set(flags.map((f) => f.volunteerId))]);
    return flags.filter((f) => (shared.get(f.volunteerId) ?? []).includes(f.organisationId));
  }

  private async addNote(
    manager: EntityManager,
    flagId: string,
    kind: FlagEventKind,
    authorId: string | null,
    note: string | null,
    at: Date,
  ) {
    await this.flags.addNote(
      Object.assign(new FlagNote(), { id: uuidv7(), flagId, kind, authorId, note, createdAt: at }),
      manager,
    );
  }
}

function view(flag: Flag, volunteerName: string | null, notes: FlagNote[]): FlagView {
  return {
    id: flag.id,
    organisationId: flag.organisationId,
    volunteerId: flag.volunteerId,
    volunteerName,
    level: flag.level,
    ruleCodes: flag.ruleCodes ? flag.ruleCodes.split(',') : [],
    status: flag.status,
    raisedAt: flag.raisedAt.toISOString(),
    acknowledgedAt: flag.acknowledgedAt?.toISOString() ?? null,
    closedAt: flag.closedAt?.toISOString() ?? null,
    timeline: notes
      .filter((n) => n.flagId === flag.id)
      .map((n) => ({ kind: n.kind, at: n.createdAt.toISOString(), authorId: n.authorId, note: n.note })),
  };
}
