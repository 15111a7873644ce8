import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { MESSAGE_LOCALES, type MessageLocale } from '../../notification.constants';
import { DIGEST_CADENCES, type DigestCadence } from '../preference.entity';

/** A change of preferences; fields left out stay as they are. */
export class UpdatePreferencesRequest {
  @ApiPropertyOptional({ description: 'Reminders before each meeting (email and inbox).' })
  @IsOptional()
  @IsBoolean()
  reminders?: boolean;

  @ApiPropertyOptional({
    enum: DIGEST_CADENCES,
    description: 'How often a coordinator gets the digest of new flags.',
  })
  @IsOptional()
  @IsIn(DIGEST_CADENCES)
  digest?: DigestCadence;

  @ApiPropertyOptional({
    enum: MESSAGE_LOCALES,
    nullable: true,
    description: 'Language of messages; null follows the language of the profile.',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsIn(MESSAGE_LOCALES)
  locale?: MessageLocale | null;
}

export class PreferencesResponse {
  @ApiProperty()
  reminders!: boolean;

  @ApiProperty({ enum: DIGEST_CADENCES })
  digest!: DigestCadence;

  @ApiProperty({ enum: MESSAGE_LOCALES, nullable: true, type: String })
  locale!: MessageLocale | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The personal calendar feed; null until one is made.',
  })
  calendarFeedUrl!: string | null;
}

export class CalendarTokenResponse {
  @ApiProperty({ example: 'https://academy.example/api/calendar/3q2….ics' })
  calendarFeedUrl!: string;
}
