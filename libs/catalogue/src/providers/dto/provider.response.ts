import { ApiProperty } from '@nestjs/swagger';

export class ProviderResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Humanitas Friesland' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.humanitas.nl' })
  website!: string | null;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;
}
