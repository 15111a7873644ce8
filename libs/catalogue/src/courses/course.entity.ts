import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CourseKind, CourseLanguage, CourseStatus } from '../catalogue.constants';

@Entity({ name: 'catalogue_courses' })
export class Course {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: CourseKind;

  @Column({ name: 'provider_id', type: 'varchar', length: 36, nullable: true })
  providerId!: string | null;

  @Column({ name: 'category_id', type: 'varchar', length: 36 })
  categoryId!: string;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  summary!: string;

  /** Markdown as the author wrote it; rendered to sanitised HTML when shown. */
  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: CourseLanguage;

  @Column({ name: 'attendance_threshold', type: 'int', default: 75 })
  attendanceThreshold!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: CourseStatus;

  /**
   * Title, summary and description as plain text, lower-cased and without diacritics: what free-text search
   * reads (a FULLTEXT index on MariaDB, an FTS5 table kept by triggers on SQLite), so both find the same.
   */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;
}

/** Trainers of a course manage it. */
@Entity({ name: 'catalogue_course_trainers' })
export class CourseTrainer {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;
}

/** A course's audiences and themes: `kind` is `audience` or `theme`. */
@Entity({ name: 'catalogue_course_tags' })
export class CourseTag {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: 'audience' | 'theme';

  @PrimaryColumn({ type: 'varchar', length: 40 })
  value!: string;
}
