import { ApiProperty } from '@nestjs/swagger';

export class LocalisedNames {
  @ApiProperty({ example: 'Mantelzorg' })
  nl!: string;

  @ApiProperty({ example: 'Mantelsoarch' })
  fy!: string;

  @ApiProperty({ example: 'Informal care' })
  en!: string;
}

export class CategoryResponse {
  @ApiProperty({ example: 'mantelzorg', description: 'Identifies the category in URLs and filters.' })
  slug!: string;

  @ApiProperty({ type: LocalisedNames })
  names!: LocalisedNames;
}
