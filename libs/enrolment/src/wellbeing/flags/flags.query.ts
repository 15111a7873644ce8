import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@academy/platform';

export class FlagsQuery extends PageQuery {
  @ApiProperty()
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({
    description: 'One or more of open, acknowledged, resolved, withdrawn (comma-separated).',
  })
  @IsOptional()
  @Matches(/^(open|acknowledged|resolved|withdrawn)(,(open|acknowledged|resolved|withdrawn))*$/, {
    message: 'status must be one or more of open, acknowledged, resolved, withdrawn',
  })
  status?: string;
}
