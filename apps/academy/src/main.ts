import 'reflect-metadata';
import { loadConfig, runApplication } from '@academy/platform';
import { AcademyModule } from './academy.module';

async function main(): Promise<void> {
  const config = loadConfig('academy', { DEMO_DATA: 'on', ...process.env });
  await runApplication((c) => AcademyModule.forConfig(c), config, {
    title: 'Vrijwilligersacademie',
    description:
      'The whole academy in one process: identity, catalogue, enrolment, load signals and notification.',
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
