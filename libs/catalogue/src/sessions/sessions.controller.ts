import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedRequest, CurrentUser, type Principal, Public, Roles } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { CancelSessionRequest } from './dto/cancel-session.request';
import { SessionResponse } from './dto/session.response';
import { UpdateSessionRequest } from './dto/update-session.request';
import { SessionsService } from './sessions.service';

@ApiTags('catalogue')
@Controller('api/catalogue/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A session with its meetings and seats' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiNotFoundResponse()
  get(
    @Param('id', uuidParam('The session')) id: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<SessionResponse> {
    return this.sessions.get(id, request.principal);
  }

  @Patch(':id')
  @Roles('admin', 'trainer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change a session',
    description: 'Changing a published session announces it (catalogue.session.changed.v1).',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiForbiddenResponse({ description: 'Not a trainer of the course or an administrator.' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'The session is cancelled.' })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The session')) id: string,
    @Body() body: UpdateSessionRequest,
  ): Promise<SessionResponse> {
    return this.sessions.update(principal, id, body);
  }

  @Post(':id/cancel')
  @Roles('admin', 'trainer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cancel a session; everyone enrolled is told the reason' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Already cancelled, or already taken place.' })
  cancel(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The session')) id: string,
    @Body() body: CancelSessionRequest,
  ): Promise<SessionResponse> {
    return this.sessions.cancel(principal, id, body.reason);
  }
}
