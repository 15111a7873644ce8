import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQuery, type Principal } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { NotificationPage, NotificationResponse } from './dto/notification.response';
import { InboxService } from './inbox.service';

@ApiTags('notification')
@ApiBearerAuth()
@Controller('api/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('mine')
  @ApiOperation({ summary: 'My in-app notifications, unread first, newest first' })
  @ApiOkResponse({ type: NotificationPage })
  mine(@CurrentUser() principal: Principal, @Query() query: PageQuery): Promise<NotificationPage> {
    return this.inbox.mine(principal.userId, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (marking it again changes nothing)' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiNotFoundResponse({ description: 'No such notification of yours.' })
  read(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The notification')) id: string,
  ): Promise<NotificationResponse> {
    return this.inbox.markRead(principal.userId, id);
  }
}
