import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MessagingModule, outboxSchema } from '@academy/messaging';
import { loadConfig, PlatformModule, type Principal } from '@academy/platform';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import { WebModule } from '@academy/web';
import type { DataSource } from 'typeorm';
import { CatalogueModule } from '../catalogue.module';
import { CoursesService } from '../courses/courses.service';
import { ProvidersService } from '../providers/providers.service';
import { CatalogueSearchService } from '../search/catalogue-search.service';
import { DEMO_COURSES } from './demo-courses';
import { DEMO_TRAINER_ID } from './demo-people';
import { DEMO_PROVIDERS } from './demo-providers';
import { DEMO_SESSION_COUNT } from './demo-schedule';

const ADMIN: Principal = {
  userId: '00000000-0000-4000-8000-00000000a0a1',
  displayName: 'Test admin',
  locale: 'nl',
  admin: true,
  memberships: [],
  sessionId: 'test',
};

async function startCatalogue(database: TestDatabase, demoData: 'on' | 'off'): Promise<TestingModule> {
  const config = loadConfig('academy', {
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-config',
    DEMO_DATA: demoData,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
  });
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config),
      MessagingModule.forRoot({ transport: 'in-process', consumes: [] }),
      CatalogueModule,
      // The catalogue's pages render through the web shell.
      WebModule,
    ],
  }).compile();
  await module.init();
  return module;
}

async function outboxCounts(module: TestingModule): Promise<Record<string, number>> {
  const dataSource = module.get<DataSource>(getDataSourceToken('catalogue'));
  const rows = await dataSource.getRepository(outboxSchema('catalogue')).find();
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.type] = (counts[row.type] ?? 0) + 1;
  return counts;
}

describeEachDatabase('catalogue demo data', (kind) => {
  it('fills an empty catalogue with the demo academy through the services, once', async () => {
    const database = await createTestDatabase(kind);
    try {
      const first = await startCatalogue(database, 'on');
      try {
        const search = first.get(CatalogueSearchService);
        const all = await search.search({ page: 1, pageSize: 100 });
        expect(all.total).toBe(DEMO_COURSES.length);
        // Every course has a session ahead, in Dutch, Frisian or English, taught by the demo trainer.
        expect(all.items.every((item) => item.nextSession !== null)).toBe(true);
        expect((await search.search({ page: 1, pageSize: 1, language: 'fy' })).total).toBe(
          DEMO_COURSES.filter((c) => c.language === 'fy').length,
        );
        expect((await search.search({ page: 1, pageSize: 1, place: 'Drachten' })).total).toBeGreaterThan(0);
        expect((await search.search({ page: 1, pageSize: 1, online: true })).total).toBeGreaterThan(0);
        const course = await first.get(CoursesService).get(all.items[0].id);
        expect(course.trainerIds).toEqual([DEMO_TRAINER_ID]);
        expect(course.sessions[0].trainerIds).toEqual([DEMO_TRAINER_ID]);
        expect((await first.get(ProvidersService).list()).map((p) => p.name).sort()).toEqual(
          DEMO_PROVIDERS.map((p) => p.name).sort(),
        );
        // Published like any other: each session announced for enrolment and notification.
        expect(await outboxCounts(first)).toEqual({
          'catalogue.session.published.v1': DEMO_SESSION_COUNT,
          'catalogue.course.changed.v1': DEMO_COURSES.length,
        });
      } finally {
        await first.close();
      }

      const again = await startCatalogue(database, 'on');
      try {
        expect((await again.get(CoursesService).listManageable(ADMIN, { page: 1, pageSize: 1 })).total).toBe(
          DEMO_COURSES.length,
        );
        expect((await outboxCounts(again))['catalogue.session.published.v1']).toBe(DEMO_SESSION_COUNT);
      } finally {
        await again.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('leaves the catalogue empty with DEMO_DATA off, and a catalogue with courses alone', async () => {
    const database = await createTestDatabase(kind);
    try {
      const off = await startCatalogue(database, 'off');
      try {
        expect((await off.get(ProvidersService).list()).length).toBe(0);
        await off.get(CoursesService).create(ADMIN, {
          kind: 'workshop',
          title: 'Een eigen cursus',
          summary: 'Al in de catalogus voordat de demo aan ging.',
          category: 'mantelzorg',
          language: 'nl',
        });
      } finally {
        await off.close();
      }
      const on = await startCatalogue(database, 'on');
      try {
        expect((await on.get(CoursesService).listManageable(ADMIN, { page: 1, pageSize: 1 })).total).toBe(1);
        expect((await on.get(ProvidersService).list()).length).toBe(0);
      } finally {
        await on.close();
      }
    } finally {
      await database.drop();
    }
  });
});
