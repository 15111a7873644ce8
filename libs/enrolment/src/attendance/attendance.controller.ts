import { Body, Controller, Get, Header, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { AttendanceService } from './attendance.service';
import { RecordedAttendanceResponse, RosterResponse } from './dto/attendance.response';
import { RecordAttendanceRequest } from './dto/record-attendance.request';
import { RosterService } from './roster.service';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('api/sessions')
export class RosterController {
  constructor(private readonly rosters: RosterService) {}

  @Get(':id/roster')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: "A session's participants, waitlist and attendance (its trainers, administrators)",
  })
  @ApiOkResponse({ type: RosterResponse })
  @ApiForbiddenResponse({ description: 'Not a trainer of this session.' })
  @ApiNotFoundResponse()
  roster(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The session')) id: string,
  ): Promise<RosterResponse> {
    return this.rosters.roster(principal, id);
  }

  @Get(':id/roster.csv')
  @Roles('trainer', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="roster.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The roster as CSV, one column per meeting' })
  @ApiForbiddenResponse({ description: 'Not a trainer of this session.' })
  @ApiNotFoundResponse()
  rosterCsv(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The session')) id: string,
  ): Promise<string> {
    return this.rosters.csv(principal, id);
  }
}

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('api/meetings')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Put(':id/attendance')
  @Roles('trainer', 'admin')
  @ApiOperation({
    summary: "Record a meeting's attendance for the whole list at once",
    description:
      'All or nothing. `present` and `late` count as attended, `excused` never counts against anyone. ' +
      'Completion (enrolment.enrolment.completed.v1) follows when the course threshold is reached.',
  })
  @ApiOkResponse({ type: RecordedAttendanceResponse })
  @ApiBadRequestResponse({ description: 'An enrolment not of this session, a person twice, a bad status.' })
  @ApiForbiddenResponse({ description: 'Not a trainer of this session.' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({
    description: 'Session cancelled, or the meeting is more than an hour away.',
  })
  record(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The meeting')) id: string,
    @Body() body: RecordAttendanceRequest,
  ): Promise<RecordedAttendanceResponse> {
    return this.attendance.record(principal, id, body);
  }
}
