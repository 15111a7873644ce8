import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@academy/platform';
import type { FastifyRequest } from 'fastify';
import { MeResponse } from '../account/dto/me.response';
import { RegisterRequest } from './dto/register.request';
import { RegistrationService } from './registration.service';

@ApiTags('auth')
@Controller('api/auth')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post('register')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an account with a join code',
    description: 'You become a volunteer of the organisation that gave you the code.',
  })
  @ApiCreatedResponse({ type: MeResponse })
  @ApiConflictResponse({ description: 'An account with this email address already exists.' })
  @ApiUnprocessableEntityResponse({
    description: 'Unknown join code, or a password that is too short or common.',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address; see Retry-After.' })
  register(@Body() body: RegisterRequest, @Req() request: FastifyRequest): Promise<MeResponse> {
    return this.registration.register(
      {
        email: body.email,
        password: body.password,
        displayName: body.displayName,
        joinCode: body.joinCode,
        locale: body.locale,
      },
      request.ip,
    );
  }
}
