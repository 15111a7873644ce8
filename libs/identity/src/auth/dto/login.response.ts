import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MeResponse } from '../../account/dto/me.response';

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiProperty({ type: MeResponse })
  user!: MeResponse;
}

export class RefreshResponse extends LoginResponse {
  @ApiPropertyOptional({
    description:
      'The next refresh token, only when the previous one was sent in the body; browsers get it as a cookie.',
  })
  refreshToken?: string;
}
