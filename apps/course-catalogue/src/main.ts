import 'reflect-metadata';
import { loadConfig, runApplication } from '@academy/platform';
import { CourseCatalogueAppModule } from './course-catalogue-app.module';

async function main(): Promise<void> {
  const config = loadConfig('course-catalogue');
  await runApplication((c) => CourseCatalogueAppModule.forConfig(c), config, {
    title: 'Vrijwilligersacademie — course catalogue service',
    description: 'Providers, categories, courses, sessions and meetings.',
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
