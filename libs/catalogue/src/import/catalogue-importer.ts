import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type FieldError } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { Course } from '../courses/course.entity';
import { CoursesService } from '../courses/courses.service';
import type { CreateCourseRequest } from '../courses/dto/create-course.request';
import { systemPrincipal } from '../demo/demo-people';
import type { ProviderResponse } from '../providers/dto/provider.response';
import { ProvidersService } from '../providers/providers.service';
import { CreateSessionRequest } from '../sessions/dto/create-session.request';
import { SessionsService } from '../sessions/sessions.service';
import { validateInput } from '../shared/validate-input';
import { CsvFormatError, readCsv } from './csv-reader';
import { columnForField, IMPORT_COLUMNS } from './import-columns';
import {
  cellKey,
  type ImportProblem,
  type PlannedCourse,
  type PlannedSession,
  planImport,
} from './import-plan';

export interface ImportOptions {
  /** Check everything, as a real import would, and write nothing. */
  dryRun?: boolean;
  /** Called as rows are done: `done` of `total` data rows. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  /** True when the courses were written (not a dry run, nothing rejected). */
  imported: boolean;
  dryRun: boolean;
  rows: number;
  courses: number;
  sessions: number;
  meetings: number;
  /** Courses (with their sessions) published by the import. */
  published: number;
  /** Every rejected cell, by row and column; empty when the file is good. */
  problems: ImportProblem[];
}

/** Thrown inside the import's transaction to roll it back (a dry run, or a rejected row). */
class RollBack extends Error {}

const COLUMN_ORDER = new Map(IMPORT_COLUMNS.map((column, index) => [column.name, index]));

/**
 * Runs `work` in one transaction that the services' own transactions join, so a whole file is written
 * through the services (their validation, rules and outbox events) and still commits or rolls back as one.
 * The import owns its process and DataSource while it runs: nothing else may open transactions meanwhile.
 */
async function inOneTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const own = Object.getOwnPropertyDescriptor(dataSource, 'transaction');
    const join = (...args: unknown[]) =>
      (args[args.length - 1] as (m: EntityManager) => Promise<unknown>)(manager);
    Object.defineProperty(dataSource, 'transaction', { value: join, configurable: true, writable: true });
    try {
      return await work(manager);
    } finally {
      if (own) Object.defineProperty(dataSource, 'transaction', own);
      else delete (dataSource as { transaction?: unknown }).transaction;
    }
  });
}

/** "minimumParticipants must not be less than 0" → "minimum_participants must not be less than 0". */
function inColumnTerms(message: string, field: string, column: string): string {
  const property = field.split('.').pop() ?? field;
  return message.startsWith(`${property} `) ? `${column}${message.slice(property.length)}` : message;
}

/**
 * Loads courses, sessions and meetings from a spreadsheet export (see import-columns.ts for the columns).
 * Every row is checked by the catalogue's own services — the same DTOs and rules as the JSON API — inside
 * one transaction; a single rejected row rolls back the whole file, so nothing is ever half-imported.
 * Published sessions are announced through the outbox; the running service's relay delivers them.
 */
@Injectable()
export class CatalogueImporter {
  private readonly principal = systemPrincipal('CSV import');

  constructor(
    @InjectDataSource(CATALOGUE) private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
    private readonly providers: ProvidersService,
  ) {}

  async import(file: string | Buffer, options: ImportOptions = {}): Promise<ImportResult> {
    const dryRun = options.dryRun ?? false;
    const result: ImportResult = {
      imported: false,
      dryRun,
      rows: 0,
      courses: 0,
      sessions: 0,
      meetings: 0,
      published: 0,
      problems: [],
    };
    let table;
    try {
      table = readCsv(file);
    } catch (error) {
      if (!(error instanceof CsvFormatError)) throw error;
      result.problems.push({ row: error.row, column: '', message: error.message });
      return result;
    }
    const plan = planImport(table);
    result.rows = plan.rows;
    result.problems.push(...plan.problems);
    const providers = await this.providers.list();

    try {
      await inOneTransaction(this.dataSource, async (manager) => {
        let done = 0;
        for (const course of plan.courses) {
          await this.importCourse(course, providers, manager, result);
          done += new Set(course.sessions.flatMap((s) => s.meetings.map((m) => m.row))).size;
          options.onProgress?.(done, plan.rows);
        }
        if (dryRun || result.problems.length) throw new RollBack();
      });
      result.imported = true;
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    result.problems = onePerCell(result.problems, plan.explained).sort(
      (a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99),
    );
    return result;
  }

  private async importCourse(
    course: PlannedCourse,
    providers: ProviderResponse[],
    manager: EntityManager,
    result: ImportResult,
  ): Promise<void> {
    const problems = result.problems;
    const body: Record<string, unknown> = { ...course.body };
    if (course.provider !== undefined) {
      const wanted = course.provider.toLowerCase();
      const provider = providers.find((p) => p.id === course.provider || p.name.toLowerCase() === wanted);
      if (provider) body.providerId = provider.id;
      else {
        problems.push({
          row: course.sources.provider ?? course.row,
          column: 'provider',
          message:
            `There is no provider named “${course.provider}”.` +
            (providers.length
              ? ` Known providers: ${providers.map((p) => p.name).join('; ')}.`
              : ' The catalogue has no providers yet: an administrator adds them first.'),
        });
      }
    }
    const trainers = [
      ...new Set(
        course.sessions.flatMap((s) =>
          Array.isArray(s.body.trainerIds) ? (s.body.trainerIds as string[]) : [],
        ),
      ),
    ];
    if (trainers.length) body.trainerIds = trainers;

    if (typeof body.title === 'string' && typeof body.language === 'string') {
      const existing = await manager.getRepository(Course).findOneBy({
        title: body.title.trim(),
        language: body.language as Course['language'],
        ...(body.providerId ? { providerId: body.providerId as string } : {}),
      });
      if (existing && existing.status !== 'archived') {
        problems.push({
          row: course.sources.title ?? course.row,
          column: 'title',
          message:
            'This course is already in the catalogue (imported before?). Change or remove it there first.',
        });
      }
    }

    let courseId: string | undefined;
    try {
      courseId = (await this.courses.create(this.principal, body as unknown as CreateCourseRequest)).id;
      result.courses++;
    } catch (error) {
      this.reject(error, problems, (field) => this.courseCell(course, field));
    }

    for (const session of course.sessions) {
      const sessionBody = { ...session.body, meetings: session.meetings.map((m) => m.body) };
      const where = (field: string) => this.sessionCell(session, field);
      if (!courseId) {
        // Its course was rejected: still tell what the API would say about the session itself.
        await validateInput(CreateSessionRequest, sessionBody).catch((error: unknown) =>
          this.reject(error, problems, where),
        );
        continue;
      }
      try {
        await this.sessions.create(this.principal, courseId, sessionBody as unknown as CreateSessionRequest);
        result.sessions++;
        result.meetings += session.meetings.length;
      } catch (error) {
        this.reject(error, problems, where);
      }
    }

    if (courseId && course.publish) {
      try {
        await this.courses.publish(this.principal, courseId);
        result.published++;
      } catch (error) {
        this.reject(error, problems, () => ({ row: course.row, column: 'publish' }));
      }
    }
  }

  /** A service's answer as problems on the rows and columns it is about; anything else ends the import. */
  private reject(
    error: unknown,
    problems: ImportProblem[],
    where: (field: string) => { row: number; column: string },
  ): void {
    if (!(error instanceof DomainError)) throw error;
    const errors: FieldError[] = error.details.errors ?? [];
    if (!errors.length) {
      const { row, column } = where('');
      problems.push({ row, column, message: error.message });
      return;
    }
    for (const { field, messages } of errors) {
      const { row, column } = where(field);
      for (const message of messages)
        problems.push({ row, column, message: inColumnTerms(message, field, column) });
    }
  }

  private courseCell(course: PlannedCourse, field: string): { row: number; column: string } {
    if (!field) return { row: course.row, column: 'course' };
    const column = columnForField('course', field);
    if (column === 'trainers') {
      // The course's trainers are those of its sessions: point at the first row that names them.
      const session = course.sessions.find((s) => s.sources.trainers !== undefined);
      return { row: session?.sources.trainers ?? course.row, column };
    }
    return { row: course.sources[column] ?? course.row, column };
  }

  private sessionCell(session: PlannedSession, field: string): { row: number; column: string } {
    if (!field) return { row: session.row, column: 'session' };
    const meeting = /^meetings\.(\d+)/.exec(field);
    if (meeting) {
      const row = session.meetings[Number(meeting[1])]?.row ?? session.row;
      return { row, column: columnForField('meeting', field) };
    }
    const column = columnForField('session', field);
    return { row: session.sources[column] ?? session.row, column };
  }
}

/**
 * One problem per cell: the first said about it. The file's own reading comes first (“31-02-2026 is not a
 * date”), so the API's complaint about the same unreadable cell is not repeated after it.
 */
function onePerCell(problems: ImportProblem[], explained: Set<string>): ImportProblem[] {
  const seen = new Set(explained);
  return problems.filter((p) => {
    const key = cellKey(p.row, p.column);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
