import { Global, Module } from '@nestjs/common';
import { UNSUBSCRIBE_LINKS } from '../deliveries/mail-composer';
import { OPTIONAL_MESSAGE_POLICY } from '../deliveries/delivery.service';
import { NotificationDatabaseModule } from '../notification.database';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { PreferencesService } from './preferences.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * Preferences, the signed unsubscribe links and the policy that holds optional messages back. Global, so the
 * delivery pipeline (wherever it is provided) finds OPTIONAL_MESSAGE_POLICY and UNSUBSCRIBE_LINKS.
 */
@Global()
@Module({
  imports: [NotificationDatabaseModule],
  controllers: [PreferencesController],
  providers: [
    PreferencesRepository,
    PreferencesService,
    UnsubscribeTokens,
    { provide: OPTIONAL_MESSAGE_POLICY, useExisting: PreferencesService },
    { provide: UNSUBSCRIBE_LINKS, useExisting: UnsubscribeTokens },
  ],
  exports: [
    PreferencesRepository,
    PreferencesService,
    UnsubscribeTokens,
    OPTIONAL_MESSAGE_POLICY,
    UNSUBSCRIBE_LINKS,
  ],
})
export class PreferencesModule {}
