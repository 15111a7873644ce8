import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@academy/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';

export class AttendanceRecordRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enrolmentId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;
}

export class RecordAttendanceRequest {
  @ApiProperty({
    type: [AttendanceRecordRequest],
    description: 'The list for the meeting, saved all or nothing; a second save replaces what it names.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordRequest)
  records!: AttendanceRecordRequest[];
}
