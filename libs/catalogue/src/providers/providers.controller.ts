import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '@academy/platform';
import { CreateProviderRequest } from './dto/create-provider.request';
import { ProviderResponse } from './dto/provider.response';
import { ProvidersService } from './providers.service';

@ApiTags('catalogue')
@Controller('api/catalogue/providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The partner organisations whose courses the academy offers' })
  @ApiOkResponse({ type: [ProviderResponse] })
  list(): Promise<ProviderResponse[]> {
    return this.providers.list();
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a provider (administrators)' })
  @ApiCreatedResponse({ type: ProviderResponse })
  @ApiConflictResponse({ description: 'A provider with this name exists.' })
  create(@Body() body: CreateProviderRequest): Promise<ProviderResponse> {
    return this.providers.create(body);
  }
}
