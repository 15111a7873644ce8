import { PartialType } from '@nestjs/swagger';
import { CreateCourseRequest } from './create-course.request';

/** Only the fields given change. Changing a published course announces it (catalogue.course.changed.v1). */
export class UpdateCourseRequest extends PartialType(CreateCourseRequest) {}
