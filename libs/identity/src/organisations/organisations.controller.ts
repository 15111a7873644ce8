import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQuery, type Principal, Roles } from '@academy/platform';
import { CreateOrganisationRequest } from './dto/create-organisation.request';
import { OrganisationPage, OrganisationResponse } from './dto/organisation.response';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a volunteer organisation (administrators)' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@Body() body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    return this.organisations.create(body.name);
  }

  @Get()
  @ApiOperation({ summary: 'Organisations: all for administrators, your own for everyone else' })
  @ApiOkResponse({ type: OrganisationPage })
  list(@CurrentUser() principal: Principal, @Query() query: PageQuery): Promise<OrganisationPage> {
    return this.organisations.list(principal, query.page, query.pageSize);
  }
}
