import 'reflect-metadata';
import { loadConfig, runApplication } from '@academy/platform';
import { NotificationAppModule } from './notification-app.module';

async function main(): Promise<void> {
  const config = loadConfig('notification');
  await runApplication((c) => NotificationAppModule.forConfig(c), config, {
    title: 'Vrijwilligersacademie — notification service',
    description: 'Email, in-app inbox, reminders, preferences and calendar feeds.',
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
