import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LOCALES, type Locale } from '../../account/dto/me.response';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../passwords/password-policy';
import { MembershipRequest } from './membership.request';

/** An account made by an administrator, or by a coordinator for volunteers of their own organisation. */
export class CreateUserRequest {
  @ApiProperty({ example: 'tsjerk@example.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Not a commonly used password.',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Tsjerk Hiddes', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({
    type: [MembershipRequest],
    description: 'A coordinator may only add volunteers of their own organisations.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MembershipRequest)
  memberships!: MembershipRequest[];
}
