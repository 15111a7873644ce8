import { Module } from '@nestjs/common';
import { MessagingModule } from '@academy/messaging';
import { CatalogueDatabaseModule } from './catalogue.database';
import { CATALOGUE } from './catalogue.constants';
import { CategoriesController } from './categories/categories.controller';
import { CategoriesService } from './categories/categories.service';
import { CatalogueViews } from './courses/catalogue-views';
import { CoursesController } from './courses/courses.controller';
import { CoursesService } from './courses/courses.service';
import { TrainerErasureConsumer } from './courses/trainer-erasure.consumer';
import { CatalogueDemoSeeder } from './demo/catalogue-demo.seeder';
import { CATALOGUE_PAGE_CONTROLLERS } from './pages';
import { ProvidersController } from './providers/providers.controller';
import { ProvidersService } from './providers/providers.service';
import { CatalogueIndex } from './search/catalogue-index';
import { CatalogueSearchService } from './search/catalogue-search.service';
import { ListingAnswers } from './search/listing-answers';
import { ListingFastRoute } from './search/listing-fast-route';
import { SearchCache } from './search/search-cache';
import { SeatsConsumer } from './seats/seats.consumer';
import { GoDecisionConsumer } from './sessions/go-decision.consumer';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

const services = [
  CategoriesService,
  ProvidersService,
  CoursesService,
  SessionsService,
  CatalogueSearchService,
];

/**
 * Providers, categories, courses, sessions and meetings; search; the seat counts enrolment reports.
 * Pages (libs/catalogue/src/pages) sit in `controllers` beside the JSON API and call the same services.
 */
@Module({
  imports: [CatalogueDatabaseModule, MessagingModule.forContext(CATALOGUE)],
  controllers: [
    CategoriesController,
    ProvidersController,
    CoursesController,
    SessionsController,
    ...CATALOGUE_PAGE_CONTROLLERS,
  ],
  providers: [
    ...services,
    CatalogueViews,
    SearchCache,
    CatalogueIndex,
    ListingAnswers,
    ListingFastRoute,
    SeatsConsumer,
    TrainerErasureConsumer,
    GoDecisionConsumer,
    CatalogueDemoSeeder,
  ],
  exports: services,
})
export class CatalogueModule {}
