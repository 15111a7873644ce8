import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class EnrolRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Enrol someone else: administrators for anyone, coordinators for the volunteers of their organisations.',
  })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
