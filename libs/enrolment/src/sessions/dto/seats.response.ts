import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@academy/platform';

export class SessionSeatsResponse {
  @ApiProperty()
  capacity!: number;

  @ApiProperty({ description: 'Confirmed participants.' })
  confirmed!: number;

  @ApiProperty({ description: 'People on the waitlist.' })
  waitlisted!: number;

  @ApiProperty({
    description: 'Seats held for someone by an open offer; seats left = capacity − confirmed − offered.',
  })
  offered!: number;
}

export class AtRiskQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Also count the confirmed volunteers of this organisation (its coordinators, administrators).',
  })
  @IsOptional()
  @Type(() => String)
  @IsUUID()
  organisationId?: string;
}

export class AtRiskSessionResponse {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ format: 'date-time' })
  goNoGoAt!: string;

  @ApiProperty({ format: 'date-time' })
  firstStartsAt!: string;

  @ApiProperty()
  minimumParticipants!: number;

  @ApiProperty()
  confirmed!: number;

  @ApiProperty({ description: 'Confirmed participants still needed for the session to go ahead.' })
  missing!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Confirmed volunteers of the organisation asked about (null when none was given).',
  })
  fromOrganisation!: number | null;
}
