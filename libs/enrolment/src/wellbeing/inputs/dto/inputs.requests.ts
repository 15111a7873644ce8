import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsObject,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DAY_PATTERN } from './check-in.request';

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SelfCheckRequest {
  @ApiProperty({ example: 'single-item' })
  @IsString()
  @MaxLength(40)
  instrument!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'The answer of a single-item instrument (1..5).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  answer?: number;

  @ApiPropertyOptional({
    type: [Number],
    description: 'The answers of a multi-item instrument, in item order.',
  })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  answers?: number[];

  @ApiPropertyOptional({ description: 'Share the band (never the answers) with my coordinators.' })
  @IsOptional()
  @IsBoolean()
  share?: boolean;
}

export class DutyRequest {
  @ApiProperty({ example: '2026-11-24' })
  @Matches(DAY_PATTERN, { message: 'date must be a date as YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: '09:00', description: 'Local time (Europe/Amsterdam).' })
  @Matches(TIME_PATTERN, { message: 'startsAt must be a time as HH:MM' })
  startsAt!: string;

  @ApiProperty({ example: '12:30', description: 'Earlier than startsAt: the duty ends the next day.' })
  @Matches(TIME_PATTERN, { message: 'endsAt must be a time as HH:MM' })
  endsAt!: string;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  role?: string;

  @ApiPropertyOptional({ description: 'A coordinator logs a duty for a volunteer of their organisation.' })
  @IsOptional()
  @IsUUID()
  volunteerId?: string;
}

export class LeaveRequest {
  @ApiProperty({ example: '2026-12-21' })
  @Matches(DAY_PATTERN, { message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2027-01-03' })
  @Matches(DAY_PATTERN, { message: 'to must be a date as YYYY-MM-DD' })
  to!: string;
}

export class VisibilityRequest {
  @ApiProperty()
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ description: 'True: the coordinators of this organisation see nothing of my signals.' })
  @IsBoolean()
  objectToSharing!: boolean;
}

export class RolesRequest {
  @ApiProperty()
  @IsUUID()
  volunteerId!: string;

  @ApiProperty({ minimum: 0, maximum: 20 })
  @IsInt()
  @Min(0)
  @Max(20)
  activeRoles!: number;
}

export class FlagActionRequest {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note?: string;
}

export class RuleOverridesRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { 'VOL-1': { amber: 10, red: 18 } },
    description: 'Rule groups and parameters to override; `{}` returns to the defaults.',
  })
  @IsObject()
  overrides!: Record<string, unknown>;
}
