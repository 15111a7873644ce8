import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class CaringBandRequest {
  @ApiProperty({ enum: ['<8', '>=8'], description: 'Care hours per week.' })
  @IsIn(['<8', '>=8'])
  hoursBand!: '<8' | '>=8';

  @ApiProperty({ enum: ['<3m', '>=3m'], description: 'How long the care has lasted.' })
  @IsIn(['<3m', '>=3m'])
  durationBand!: '<3m' | '>=3m';
}

export class CheckInRequest {
  @ApiPropertyOptional({
    example: '2026-11-23',
    description: 'A Monday; default: this week (Europe/Amsterdam).',
  })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: 'weekStart must be a date as YYYY-MM-DD' })
  weekStart?: string;

  @ApiProperty({ minimum: 0, maximum: 168, description: 'All volunteering that week, not only the academy.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(168)
  volunteerHours!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  activeRoles?: number;

  @ApiPropertyOptional({
    type: CaringBandRequest,
    nullable: true,
    description: 'Only with your consent. `null` withdraws a band given before.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaringBandRequest)
  caring?: CaringBandRequest | null;
}
