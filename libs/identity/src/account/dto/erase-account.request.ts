import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class EraseAccountRequest {
  @ApiProperty({ description: 'The current password, to confirm.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}
