import { CatalogueCalendarController } from '../calendar/catalogue-calendar.controller';
import { CataloguePageController } from './catalogue-page.controller';
import { ManageCoursesPageController } from './manage-courses-page.controller';
import { ManageSessionsPageController } from './manage-sessions-page.controller';

/**
 * The catalogue's pages and its calendar feed. They sit in CatalogueModule's `controllers`, beside the JSON
 * API, and call the same services.
 */
export const CATALOGUE_PAGE_CONTROLLERS = [
  CataloguePageController,
  ManageCoursesPageController,
  ManageSessionsPageController,
  CatalogueCalendarController,
];
