import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, notFound, type Principal, Roles } from '@academy/platform';
import { CreateUserRequest } from './dto/create-user.request';
import { UpdateUserRequest } from './dto/update-user.request';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add a person',
    description: 'Administrators add anyone; coordinators add volunteers to their own organisations.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiForbiddenResponse({
    description: 'Not an administrator or coordinator, or a role a coordinator may not give.',
  })
  @ApiNotFoundResponse({ description: 'An organisation that does not exist or is not yours.' })
  @ApiConflictResponse({ description: 'An account with this email address already exists.' })
  create(@CurrentUser() principal: Principal, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(principal, {
      email: body.email,
      password: body.password,
      displayName: body.displayName,
      locale: body.locale,
      memberships: body.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    });
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a person (administrators)',
    description: 'Disabling someone, or taking a right away from them, ends their sessions at once.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse()
  update(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('The user') })) id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return this.users.update(principal, id, {
      displayName: body.displayName,
      locale: body.locale,
      admin: body.admin,
      disabled: body.disabled,
      memberships: body.memberships?.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    });
  }
}
