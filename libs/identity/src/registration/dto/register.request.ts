import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { LOCALES, type Locale } from '../../account/dto/me.response';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../passwords/password-policy';

export class RegisterRequest {
  @ApiProperty({ example: 'sjoukje@example.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Not a commonly used password. A short sentence works well.',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Sjoukje de Vries', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ example: 'K7MX4QPA', description: 'The code your organisation gave you.' })
  @IsString()
  @Length(1, 20)
  joinCode!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}
