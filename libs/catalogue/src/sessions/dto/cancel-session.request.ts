import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CancelSessionRequest {
  @ApiProperty({
    example: 'De trainer is ziek.',
    minLength: 3,
    maxLength: 500,
    description: 'Told to everyone enrolled.',
  })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
