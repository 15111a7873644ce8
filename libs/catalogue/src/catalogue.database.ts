import { Module } from '@nestjs/common';
import { messagingEntities } from '@academy/messaging';
import { DatabaseModule } from '@academy/platform';
import { CATALOGUE } from './catalogue.constants';
import { CategoriesRepository } from './categories/categories.repository';
import { Category } from './categories/category.entity';
import { Course, CourseTag, CourseTrainer } from './courses/course.entity';
import { CoursesRepository } from './courses/courses.repository';
import { CreateCatalogueTables1764400000000 } from './migrations/1764400000000-create-catalogue-tables';
import { CoverSessionSearch1764460000000 } from './migrations/1764460000000-cover-session-search';
import { SeatOffers1764470000000 } from './migrations/1764470000000-seat-offers';
import { CoverUpcomingSessions1764480000000 } from './migrations/1764480000000-cover-upcoming-sessions';
import { Provider } from './providers/provider.entity';
import { ProvidersRepository } from './providers/providers.repository';
import { CatalogueSearchRepository } from './search/catalogue-search.repository';
import { SeatCount } from './seats/seat-count.entity';
import { SeatsRepository } from './seats/seats.repository';
import { Meeting } from './sessions/meeting.entity';
import { Session, SessionTrainer } from './sessions/session.entity';
import { SessionsRepository } from './sessions/sessions.repository';

export const catalogueEntities = [
  Provider,
  Category,
  Course,
  CourseTrainer,
  CourseTag,
  Session,
  SessionTrainer,
  Meeting,
  SeatCount,
  ...messagingEntities(CATALOGUE),
];
export const catalogueMigrations = [
  CreateCatalogueTables1764400000000,
  CoverSessionSearch1764460000000,
  SeatOffers1764470000000,
  CoverUpcomingSessions1764480000000,
];

const repositories = [
  ProvidersRepository,
  CategoriesRepository,
  CoursesRepository,
  SessionsRepository,
  SeatsRepository,
  CatalogueSearchRepository,
];

/** The catalogue context's own DataSource and the repositories over it. */
@Module({
  imports: [
    DatabaseModule.forContext({
      context: CATALOGUE,
      entities: catalogueEntities,
      migrations: catalogueMigrations,
    }),
  ],
  providers: repositories,
  exports: [DatabaseModule, ...repositories],
})
export class CatalogueDatabaseModule {}
