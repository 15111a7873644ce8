import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Page, type Principal, Public, Roles } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { AtRiskQuery, type AtRiskSessionResponse, SessionSeatsResponse } from './dto/seats.response';
import { SessionsService } from './sessions.service';

@ApiTags('enrolment')
@Controller('api/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('at-risk')
  @Roles('coordinator', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sessions whose go/no-go is within 7 days and that are below their minimum' })
  @ApiOkResponse({ description: '`{ items, total, page, pageSize }` of at-risk sessions.' })
  atRisk(
    @CurrentUser() principal: Principal,
    @Query() query: AtRiskQuery,
  ): Promise<Page<AtRiskSessionResponse>> {
    return this.sessions.atRisk(principal, query);
  }

  @Get(':id/seats')
  @Public()
  @ApiOperation({ summary: 'Seat counts of a session' })
  @ApiOkResponse({ type: SessionSeatsResponse })
  @ApiNotFoundResponse({ description: 'Unknown session (or not announced by the catalogue yet).' })
  seats(@Param('id', uuidParam('The session')) id: string): Promise<SessionSeatsResponse> {
    return this.sessions.seats(id);
  }
}
