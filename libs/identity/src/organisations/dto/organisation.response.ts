import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Vrijwilligerscentrale Ljouwert' })
  name!: string;

  @ApiPropertyOptional({
    example: 'K7MX4QPA',
    description: 'Shown to administrators and to coordinators of the organisation only.',
  })
  joinCode?: string;
}

export class OrganisationPage {
  @ApiProperty({ type: [OrganisationResponse] })
  items!: OrganisationResponse[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
