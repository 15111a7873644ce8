import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class LocalisedNamesRequest {
  @ApiProperty({ example: 'Mantelzorg', maxLength: 100 })
  @IsString()
  @Length(2, 100)
  nl!: string;

  @ApiProperty({ example: 'Mantelsoarch', maxLength: 100 })
  @IsString()
  @Length(2, 100)
  fy!: string;

  @ApiProperty({ example: 'Informal care', maxLength: 100 })
  @IsString()
  @Length(2, 100)
  en!: string;
}

export class CreateCategoryRequest {
  @ApiProperty({ example: 'mantelzorg', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 })
  @IsString()
  @Length(2, 60)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug may hold lower-case letters, digits and single dashes only',
  })
  slug!: string;

  @ApiProperty({ type: LocalisedNamesRequest, description: 'The name in Dutch, Frisian and English.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalisedNamesRequest)
  names!: LocalisedNamesRequest;
}
