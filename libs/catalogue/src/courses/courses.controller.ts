import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  type AuthenticatedRequest,
  CurrentUser,
  PageQuery,
  type Principal,
  Public,
  Roles,
} from '@academy/platform';
import { Req } from '@nestjs/common';
import { CatalogueSearchService, type ListingBody } from '../search/catalogue-search.service';
import { CourseSearchQuery } from '../search/dto/course-search.query';
import { ListingAnswerInterceptor } from '../search/listing-answer.interceptor';
import { CreateSessionRequest } from '../sessions/dto/create-session.request';
import { SessionResponse } from '../sessions/dto/session.response';
import { SessionsService } from '../sessions/sessions.service';
import { uuidParam } from '../shared/uuid-param';
import { CoursesService } from './courses.service';
import { CourseDetailResponse, CourseResponse } from './dto/course.response';
import { CourseListPage } from './dto/course-list-item';
import { CreateCourseRequest } from './dto/create-course.request';
import { UpdateCourseRequest } from './dto/update-course.request';

@ApiTags('catalogue')
@Controller('api/catalogue/courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
    private readonly search: CatalogueSearchService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search the catalogue',
    description:
      'Published courses matching every filter given, by the start of their next session (courses without ' +
      'one last). Place, online, from, to and hasSeats keep courses with an upcoming session matching them all.',
  })
  @ApiOkResponse({ type: CourseListPage })
  // Sends the listing's text, and the same listing asked again within the search cache's horizon as it was
  // sent then. Most listings are answered before Nest, by ListingFastRoute, in the same way.
  @UseInterceptors(ListingAnswerInterceptor)
  list(@Query() query: CourseSearchQuery): Promise<ListingBody> {
    return this.search.listingBody(query);
  }

  @Get('manageable')
  @Roles('admin', 'trainer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Courses you manage: the ones you teach; all of them for administrators' })
  @ApiOkResponse({ type: CourseListPage })
  manageable(@CurrentUser() principal: Principal, @Query() query: PageQuery): Promise<CourseListPage> {
    return this.courses.listManageable(principal, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'A course with its sessions and meetings',
    description: 'Drafts and unpublished sessions only for the course’s trainers and administrators.',
  })
  @ApiOkResponse({ type: CourseDetailResponse })
  @ApiNotFoundResponse()
  get(
    @Param('id', uuidParam('The course')) id: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<CourseDetailResponse> {
    return this.courses.get(id, request.principal);
  }

  @Post()
  @Roles('admin', 'trainer')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a course (a draft)', description: 'A trainer who adds a course teaches it.' })
  @ApiCreatedResponse({ type: CourseResponse })
  @ApiForbiddenResponse({ description: 'Not a trainer or administrator.' })
  create(@CurrentUser() principal: Principal, @Body() body: CreateCourseRequest): Promise<CourseResponse> {
    return this.courses.create(principal, body);
  }

  @Patch(':id')
  @Roles('admin', 'trainer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a course (its trainers, administrators)' })
  @ApiOkResponse({ type: CourseResponse })
  @ApiForbiddenResponse({ description: 'Not a trainer of this course or an administrator.' })
  @ApiNotFoundResponse()
  update(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The course')) id: string,
    @Body() body: UpdateCourseRequest,
  ): Promise<CourseResponse> {
    return this.courses.update(principal, id, body);
  }

  @Post(':id/publish')
  @Roles('admin', 'trainer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publish a course and its sessions still to come' })
  @ApiOkResponse({ type: CourseResponse })
  @ApiNotFoundResponse()
  publish(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The course')) id: string,
  ): Promise<CourseResponse> {
    return this.courses.publish(principal, id);
  }

  @Post(':id/archive')
  @Roles('admin', 'trainer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take a course out of the catalogue (no sessions may be still to come)' })
  @ApiOkResponse({ type: CourseResponse })
  @ApiUnprocessableEntityResponse({ description: 'It has sessions still to come; cancel them first.' })
  archive(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The course')) id: string,
  ): Promise<CourseResponse> {
    return this.courses.archive(principal, id);
  }

  @Post(':id/sessions')
  @Roles('admin', 'trainer')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Add a session with its meetings',
    description: 'A session of a published course is published at once.',
  })
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiNotFoundResponse()
  addSession(
    @CurrentUser() principal: Principal,
    @Param('id', uuidParam('The course')) id: string,
    @Body() body: CreateSessionRequest,
  ): Promise<SessionResponse> {
    return this.sessions.create(principal, id, body);
  }
}
