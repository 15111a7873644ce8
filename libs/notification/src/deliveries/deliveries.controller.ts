import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryPage, DeliveryQuery, DeliveryResponse } from './dto/delivery.response';

@ApiTags('notification')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/notifications/deliveries')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLogService) {}

  @Get()
  @ApiOperation({
    summary: 'The delivery log (admin)',
    description: 'Every email with its status, attempts and the reason of the last failure; newest first.',
  })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiForbiddenResponse({ description: 'Not an administrator.' })
  list(@Query() query: DeliveryQuery): Promise<DeliveryPage> {
    return this.log.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead or failed email again (admin): a fresh round of attempts' })
  @ApiOkResponse({ type: DeliveryResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The delivery is queued, being sent or sent.' })
  @ApiForbiddenResponse({ description: 'Not an administrator.' })
  retry(@Param('id', uuidParam('The delivery')) id: string): Promise<DeliveryResponse> {
    return this.log.retry(id);
  }
}
