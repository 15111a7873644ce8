import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateOrganisationRequest {
  @ApiProperty({ example: 'Vrijwilligerscentrale Ljouwert', minLength: 2, maxLength: 120 })
  @IsString()
  @Length(2, 120)
  name!: string;
}
