import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DomainError } from '@academy/platform';
import type { Theme } from '../catalogue.constants';
import { CoursesService } from '../courses/courses.service';
import { ProvidersService } from '../providers/providers.service';
import { SessionsService } from '../sessions/sessions.service';
import { DEMO_COURSES } from './demo-courses';
import { DEMO_TRAINER_ID, systemPrincipal } from './demo-people';
import { DEMO_PROVIDERS } from './demo-providers';
import { demoSessions } from './demo-schedule';

export interface DemoSeedResult {
  providers: number;
  courses: number;
  sessions: number;
}

/**
 * With DEMO_DATA=on, fills an empty catalogue with the demo academy (demo-courses.ts and friends) through the
 * catalogue's own services, as an administrator: the same validation as the API, and every published session
 * announced through the outbox like any other. A catalogue with any provider or course is left alone, so a
 * restart adds nothing; when several replicas start at once, the unique provider names let one of them seed.
 */
@Injectable()
export class CatalogueDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('CatalogueDemoSeeder');
  private readonly principal = systemPrincipal('demo data');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly providers: ProvidersService,
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    const result = await this.seed(new Date());
    if (result) {
      this.logger.log(
        `Demo data: ${result.providers} providers, ${result.courses} courses, ${result.sessions} sessions`,
      );
    }
  }

  /** Seeds the demo academy as it looks at `now`; undefined when the catalogue was not empty. */
  async seed(now: Date): Promise<DemoSeedResult | undefined> {
    if (!(await this.isEmpty())) return undefined;
    const providerIds = new Map<string, string>();
    for (const provider of DEMO_PROVIDERS) {
      try {
        const created = await this.providers.create({
          name: provider.name,
          description: provider.description,
          website: provider.website,
        });
        providerIds.set(provider.key, created.id);
      } catch (error) {
        // Another replica got there first: it seeds, this one stops.
        if (error instanceof DomainError && error.code === 'resource.conflict') return undefined;
        throw error;
      }
    }

    const schedule = demoSessions(now);
    let sessions = 0;
    for (const course of DEMO_COURSES) {
      const created = await this.courses.create(this.principal, {
        kind: course.kind,
        title: course.title,
        summary: course.summary,
        description: course.description,
        category: course.category,
        language: course.language,
        audiences: course.audiences,
        themes: course.themes as Theme[],
        providerId: providerIds.get(course.provider),
        attendanceThreshold: course.attendanceThreshold,
        trainerIds: [DEMO_TRAINER_ID],
      });
      // Sessions first, then publishing the course publishes and announces them together.
      for (const session of schedule.filter((s) => s.courseKey === course.key)) {
        await this.sessions.create(this.principal, created.id, {
          capacity: session.capacity,
          trainerIds: [DEMO_TRAINER_ID],
          minimumParticipants: session.minimumParticipants,
          goNoGoAt: session.goNoGoAt?.toISOString(),
          enrolmentClosesAt: session.enrolmentClosesAt?.toISOString(),
          cancellationDeadlineHours: session.cancellationDeadlineHours,
          waitlistMode: session.waitlistMode,
          offerHours: session.offerHours,
          meetings: session.meetings.map((meeting) => ({
            startsAt: meeting.startsAt.toISOString(),
            endsAt: meeting.endsAt.toISOString(),
            location: { ...meeting.location },
          })),
        });
        sessions++;
      }
      await this.courses.publish(this.principal, created.id);
    }
    return { providers: DEMO_PROVIDERS.length, courses: DEMO_COURSES.length, sessions };
  }

  private async isEmpty(): Promise<boolean> {
    if ((await this.providers.list()).length > 0) return false;
    const { total } = await this.courses.listManageable(this.principal, { page: 1, pageSize: 1 });
    return total === 0;
  }
}
