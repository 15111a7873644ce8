import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Browsers send the refresh token as a cookie; other clients may send it in the body instead. */
export class RefreshRequest {
  @ApiPropertyOptional({ description: 'Only for clients without cookies; browsers send the cookie.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}
