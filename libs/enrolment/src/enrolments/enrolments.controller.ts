import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Page, PageQuery, type Principal } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { EnrolThrottleGuard } from '../throttling/enrol-throttle';
import { EnrolRequest } from './dto/enrol.request';
import { EnrolmentResponse } from './dto/enrolment.response';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('enrolment')
@ApiBearerAuth()
@Controller('api/enrolments')
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(EnrolThrottleGuard)
  @ApiOperation({
    summary: 'Enrol in a session',
    description:
      'A seat while seats last (`confirmed`), otherwise a place on the waitlist (`waitlisted`, with its position). ' +
      '`userId` enrols someone else: administrators anyone, coordinators the volunteers of their organisations.',
  })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse({ description: 'Unknown session (or a volunteer not of your organisation).' })
  @ApiConflictResponse({ description: 'Already enrolled in this session or on its waitlist.' })
  @ApiUnprocessableEntityResponse({
    description: 'Enrolment not open yet or closed; session cancelled or started.',
  })
  @ApiTooManyRequestsResponse({ description: 'More than 30 enrolments a minute.' })
  enrol(@CurrentUser() principal: Principal, @Body() body: EnrolRequest): Promise<EnrolmentResponse> {
    return this.enrolments.enrol(principal, body);
  }

  @Get('mine')
  @ApiOperation({ summary: 'My enrolments, newest first' })
  @ApiOkResponse({ description: '`{ items, total, page, pageSize }` of enrolments.' })
  mine(@CurrentUser() principal: Principal, @Query() query: PageQuery): Promise<Page<EnrolmentResponse>> {
    return this.enrolments.mine(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One enrolment (yours, or of a volunteer of your organisation)' })
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse()
  get(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The enrolment')) id: string,
  ): Promise<EnrolmentResponse> {
    return this.enrolments.get(principal, id);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Cancel an enrolment, leave the waitlist or decline an offer',
    description:
      'A freed seat goes to the first on the waitlist at once (or is offered to them). `late` is true for a ' +
      'seat given up after the cancellation deadline.',
  })
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Already cancelled, or the session has taken place.' })
  cancel(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The enrolment')) id: string,
  ): Promise<EnrolmentResponse> {
    return this.enrolments.cancel(principal, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take up an offered seat before the offer lapses' })
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse()
  @ApiUnprocessableEntityResponse({ description: 'No open offer, or it has lapsed.' })
  accept(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The enrolment')) id: string,
  ): Promise<EnrolmentResponse> {
    return this.enrolments.accept(principal, id);
  }
}
