import 'reflect-metadata';
import { loadConfig, runApplication } from '@academy/platform';
import { EnrolmentAppModule } from './enrolment-app.module';

async function main(): Promise<void> {
  const config = loadConfig('enrolment');
  await runApplication((c) => EnrolmentAppModule.forConfig(c), config, {
    title: 'Vrijwilligersacademie — enrolment service',
    description: 'Identity, enrolment, attendance and load signals.',
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
