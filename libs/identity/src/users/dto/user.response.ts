import { ApiProperty } from '@nestjs/swagger';
import { MeResponse } from '../../account/dto/me.response';

/** A user as staff see them. */
export class UserResponse extends MeResponse {
  @ApiProperty()
  disabled!: boolean;
}
