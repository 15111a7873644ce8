import { ApiProperty } from '@nestjs/swagger';

/** The session may not go ahead: fewer confirmed participants than its minimum, decided at the go/no-go moment. */
export class BelowMinimumDto {
  @ApiProperty({ description: 'Confirmed participants now (everyone, not only this organisation).' })
  confirmed!: number;

  @ApiProperty({ description: 'The minimum the session needs to go ahead.' })
  minimum!: number;

  @ApiProperty({ format: 'date-time', description: 'When the go/no-go decision is taken (still ahead).' })
  goNoGoAt!: string;
}

/** A volunteer of the organisation who missed the last meetings of this training unexcused (TRAIN-1 fired). */
export class InterruptedVolunteerDto {
  @ApiProperty({ format: 'uuid' })
  volunteerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'Consecutive meetings missed unexcused, the latest first counted back.' })
  consecutiveMissed!: number;
}

/**
 * An upcoming session with volunteers of the organisation in it that a coordinator may want to act on. Volunteers
 * who objected to sharing with the organisation are never named; no count here is about people's signals.
 */
export class SessionAtRiskDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ description: "The organisation's volunteers with a confirmed place in it." })
  enrolledVolunteers!: number;

  @ApiProperty({
    type: BelowMinimumDto,
    nullable: true,
    description: 'Set when the session may not go ahead; null otherwise.',
  })
  belowMinimum!: BelowMinimumDto | null;

  @ApiProperty({
    type: [InterruptedVolunteerDto],
    description:
      'Volunteers (who did not object) for whom TRAIN-1 fired in this training: offer a catch-up. Empty otherwise.',
  })
  interrupted!: InterruptedVolunteerDto[];
}
