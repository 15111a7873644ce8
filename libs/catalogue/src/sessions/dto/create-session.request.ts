import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { WAITLIST_MODES, type WaitlistMode } from '../../catalogue.constants';
import { IsInstant } from '../../shared/instant';

export class LocationRequest {
  @ApiProperty({ example: 'Dorpshuis De Skalm', maxLength: 150, description: 'The venue, or e.g. "Online".' })
  @IsString()
  @Length(1, 150)
  name!: string;

  @ApiPropertyOptional({ example: 'Drachten', maxLength: 100, description: 'Required for a venue.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  place?: string;

  @ApiPropertyOptional({ example: 'Moleneind 12', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ example: 'https://meet.example.org/abc', description: 'Required (https) online.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  url?: string;
}

export class MeetingRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'When changing a session: the meeting to keep (attendance stays with it). Omit for a new one.',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: '2026-03-05T19:30:00+01:00' })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ example: '2026-03-05T21:30:00+01:00' })
  @IsInstant()
  endsAt!: string;

  @ApiProperty({ type: LocationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocationRequest)
  location!: LocationRequest;
}

export class CreateSessionRequest {
  @ApiProperty({ minimum: 1, maximum: 1000, example: 16 })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity!: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Who teaches this session. Default: the trainers of the course.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  trainerIds?: string[];

  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Fewer confirmed at the go/no-go date cancels it.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minimumParticipants?: number;

  @ApiPropertyOptional({ example: '2026-02-26T12:00:00+01:00', description: 'Before the first meeting.' })
  @IsOptional()
  @IsInstant()
  goNoGoAt?: string;

  @ApiPropertyOptional({ description: 'Default: enrolment is open at once.' })
  @IsOptional()
  @IsInstant()
  enrolmentOpensAt?: string;

  @ApiPropertyOptional({ description: 'Default: until the first meeting starts.' })
  @IsOptional()
  @IsInstant()
  enrolmentClosesAt?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 720,
    default: 48,
    description: 'Cancelling later than this many hours before the first meeting is a late cancellation.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  cancellationDeadlineHours?: number;

  @ApiPropertyOptional({
    enum: WAITLIST_MODES,
    default: 'auto',
    description: '`auto` promotes the first on the waitlist at once; `offer` offers the seat for offerHours.',
  })
  @IsOptional()
  @IsIn(WAITLIST_MODES)
  waitlistMode?: WaitlistMode;

  @ApiPropertyOptional({ minimum: 1, maximum: 168, default: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(168)
  offerHours?: number;

  @ApiProperty({ type: [MeetingRequest], description: 'A workshop has exactly one; a training one or more.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => MeetingRequest)
  meetings!: MeetingRequest[];
}
