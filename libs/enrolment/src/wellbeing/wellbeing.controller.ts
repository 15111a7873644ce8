import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, type Page, PageQuery, type Principal } from '@academy/platform';
import { uuidParam } from '../shared/uuid-param';
import { RuleOverridesService } from './evaluation/rule-overrides.service';
import { FlagsService, type FlagView } from './flags/flags.service';
import { CheckInRequest } from './inputs/dto/check-in.request';
import {
  DutyRequest,
  FlagActionRequest,
  LeaveRequest,
  RolesRequest,
  RuleOverridesRequest,
  SelfCheckRequest,
  VisibilityRequest,
} from './inputs/dto/inputs.requests';
import { FlagsQuery } from './flags/flags.query';
import { parseDutyCsv } from './inputs/duty-csv';
import { type DutyImportReport, type DutyView, InputsService } from './inputs/inputs.service';
import { VisibilityService } from './inputs/visibility.service';
import { InsightsService, type MyWellbeingView, type OrganisationOverview } from './reading/insights.service';
import { SessionAtRiskDto } from './reading/sessions-at-risk.dto';
import type { AssessmentView } from './reading/wellbeing-views';

/** The volunteer's own inputs and signals (WELLBEING.md; DESIGN.md "Load signals"). */
@ApiTags('wellbeing')
@ApiBearerAuth()
@Controller('api/wellbeing')
export class WellbeingController {
  constructor(
    private readonly inputs: InputsService,
    private readonly visibility: VisibilityService,
    private readonly insights: InsightsService,
  ) {}

  @Post('check-ins')
  @HttpCode(201)
  @ApiOperation({
    summary: 'File the weekly check-in',
    description:
      'A second check-in for the same week replaces the first. The caring band is stored only when given (your ' +
      'consent); `caring: null` withdraws it. Answers with the new assessment.',
  })
  @ApiCreatedResponse({ description: 'The new assessment: level and signals with their explanations.' })
  checkIn(@CurrentUser() principal: Principal, @Body() body: CheckInRequest): Promise<AssessmentView> {
    return this.inputs.checkIn(principal, body);
  }

  @Post('self-checks')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Take a self-check',
    description: 'Stores the score and band, never the answers. Nobody is notified, whatever the band.',
  })
  @ApiCreatedResponse({ description: '`{ band }`' })
  selfCheck(@CurrentUser() principal: Principal, @Body() body: SelfCheckRequest): Promise<{ band: string }> {
    return this.inputs.selfCheck(principal, body);
  }

  @Delete('self-checks')
  @ApiOperation({ summary: 'Delete all my self-check results' })
  @ApiOkResponse({ description: '`{ deleted }`' })
  deleteSelfChecks(@CurrentUser() principal: Principal): Promise<{ deleted: number }> {
    return this.inputs.deleteSelfChecks(principal);
  }

  @Post('duties')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Log a duty',
    description: 'Your own, or (a coordinator) for a volunteer of your organisation with `volunteerId`.',
  })
  @ApiCreatedResponse({ description: 'The duty with its hours.' })
  @ApiNotFoundResponse({ description: 'A volunteer not of your organisation.' })
  @ApiForbiddenResponse({ description: 'Only coordinators may log duties for someone else.' })
  addDuty(@CurrentUser() principal: Principal, @Body() body: DutyRequest): Promise<DutyView> {
    return this.inputs.addDuty(principal, body);
  }

  @Post('duties/import')
  @HttpCode(201)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'CSV with the header `date,startsAt,endsAt,role,volunteerId` (role and volunteerId optional).',
    schema: { type: 'string' },
  })
  @ApiOperation({
    summary: 'Import duties from CSV',
    description:
      'Valid rows are stored, invalid ones not; the report names each row by its line and its errors.',
  })
  @ApiCreatedResponse({ description: '`{ stored, rejected, rows: [{ row, ok, id | errors }] }`' })
  importDuties(@CurrentUser() principal: Principal, @Body() body: unknown): Promise<DutyImportReport> {
    return this.inputs.importDuties(principal, parseDutyCsv(body));
  }

  @Post('leave')
  @HttpCode(201)
  @ApiOperation({ summary: 'Mark a period away (no reason is asked or stored)' })
  addLeave(@CurrentUser() principal: Principal, @Body() body: LeaveRequest) {
    return this.inputs.addLeave(principal, body);
  }

  @Put('roles')
  @ApiOperation({
    summary: 'Set the number of roles a volunteer holds now',
    description: 'Your own, or (a coordinator) for a volunteer of your organisation.',
  })
  setRoles(@CurrentUser() principal: Principal, @Body() body: RolesRequest) {
    return this.inputs.setRoles(principal, body);
  }

  @Put('visibility')
  @ApiOperation({
    summary: 'Object to sharing my signals with an organisation (or withdraw the objection)',
    description:
      "Honoured at once: the organisation's coordinators see nothing from that moment; open flags are withdrawn.",
  })
  @ApiNotFoundResponse({ description: 'An organisation you do not volunteer for.' })
  setVisibility(@CurrentUser() principal: Principal, @Body() body: VisibilityRequest) {
    return this.visibility.set(principal, body.organisationId, body.objectToSharing);
  }

  @Get('me')
  @ApiOperation({
    summary: 'My load signals',
    description:
      'Level, each signal with its explanation, recommended trainings, the weekly history, what the coordinators ' +
      'of each organisation can see, my self-checks and caring band.',
  })
  me(@CurrentUser() principal: Principal): Promise<MyWellbeingView> {
    return this.insights.me(principal);
  }

  @Get('me/audit')
  @ApiOperation({ summary: 'Who looked at my signals, newest first' })
  myAudit(@CurrentUser() principal: Principal, @Query() query: PageQuery) {
    return this.insights.myAudit(principal, query.page, query.pageSize);
  }

  @Get('organisations/:id/overview')
  @ApiOperation({
    summary: "An organisation's volunteers and their signals (coordinators of that organisation, admins)",
    description:
      'Ordered by name (no ranking, no score). Volunteers who objected are absent. Every volunteer shown is ' +
      'written to their audit log. `counts` is null for a group under 5.',
  })
  @ApiExtraModels(SessionAtRiskDto)
  @ApiOkResponse({
    description:
      'One page of volunteers (`items`, `total`, `page`, `pageSize`), `counts`, and `sessionsAtRisk`.',
    schema: {
      type: 'object',
      properties: {
        sessionsAtRisk: {
          type: 'array',
          description:
            "Upcoming sessions with the organisation's volunteers that may not go ahead (below their minimum " +
            'before the go/no-go moment) or where TRAIN-1 fired for a volunteer who did not object. On every page.',
          items: { $ref: getSchemaPath(SessionAtRiskDto) },
        },
      },
    },
  })
  @ApiForbiddenResponse({ description: 'Not a coordinator of this organisation.' })
  overview(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The organisation')) id: string,
    @Query() query: PageQuery,
  ): Promise<OrganisationOverview> {
    return this.insights.overview(principal, id, query.page, query.pageSize);
  }
}

/** An organisation's own rule thresholds (coordinators of that organisation, admins). */
@ApiTags('wellbeing')
@ApiBearerAuth()
@Controller('api/wellbeing/organisations/:id/rules')
export class WellbeingRulesController {
  constructor(private readonly rules: RuleOverridesService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's threshold overrides and the configuration in force" })
  @ApiForbiddenResponse({ description: 'Not a coordinator of this organisation.' })
  get(@CurrentUser() principal: Principal, @Param('id', uuidParam('The organisation')) id: string) {
    return this.rules.get(principal, id);
  }

  @Put()
  @ApiOperation({
    summary: "Set the organisation's threshold overrides",
    description:
      'Any subset of the parameters, e.g. `{ "overrides": { "VOL-1": { "amber": 10 } } }`; validated (unknown ' +
      'names, negatives, red below amber are refused with field errors). The volunteers are evaluated again.',
  })
  @ApiForbiddenResponse({ description: 'Not a coordinator of this organisation.' })
  set(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The organisation')) id: string,
    @Body() body: RuleOverridesRequest,
  ) {
    return this.rules.set(principal, id, body.overrides);
  }
}

/** Coordinators' flags: list, read with the timeline, acknowledge, resolve. */
@ApiTags('wellbeing')
@ApiBearerAuth()
@Controller('api/wellbeing/flags')
export class WellbeingFlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Get()
  @ApiOperation({ summary: "An organisation's flags, newest first (coordinators of that organisation)" })
  @ApiForbiddenResponse({ description: 'Not a coordinator of this organisation.' })
  list(@CurrentUser() principal: Principal, @Query() query: FlagsQuery): Promise<Page<FlagView>> {
    return this.flags.list(principal, query.organisationId, query.status, query.page, query.pageSize);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One flag with its timeline' })
  @ApiNotFoundResponse()
  get(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The flag')) id: string,
  ): Promise<FlagView> {
    return this.flags.get(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a flag (log a check-in with the volunteer), with an optional note' })
  @ApiNotFoundResponse()
  async acknowledge(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The flag')) id: string,
    @Body() body: FlagActionRequest,
  ): Promise<FlagView> {
    await this.flags.acknowledge(principal, id, body.note);
    return this.flags.get(principal, id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a flag, with an optional note' })
  @ApiNotFoundResponse()
  async resolve(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The flag')) id: string,
    @Body() body: FlagActionRequest,
  ): Promise<FlagView> {
    await this.flags.resolve(principal, id, body.note);
    return this.flags.get(principal, id);
  }
}
