import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { placeholders } from '../evaluation/sql-dialect';
import { CourseTheme, ThemedCourse } from '../wellbeing.entities';

export interface RecommendedCourse {
  courseId: string;
  title: string;
  language: string;
  themes: string[];
}

@Injectable()
export class CourseThemesRepository {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  findById(courseId: string, manager: EntityManager): Promise<ThemedCourse | null> {
    return manager.getRepository(ThemedCourse).findOneBy({ courseId });
  }

  async replace(course: ThemedCourse, themes: string[], manager: EntityManager): Promise<void> {
    await manager.getRepository(ThemedCourse).upsert(course, ['courseId']);
    await manager.getRepository(CourseTheme).delete({ courseId: course.courseId });
    const unique = [...new Set(themes.map((t) => t.slice(0, 40)))];
    if (unique.length) {
      await manager
        .getRepository(CourseTheme)
        .insert(unique.map((theme) => ({ courseId: course.courseId, theme })));
    }
  }

  /** Published courses with any of the themes; the reader's language first, then by title. */
  async withThemes(themes: string[], language: string, limit: number): Promise<RecommendedCourse[]> {
    if (!themes.length) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.course_id AS id, c.title AS title, c.language AS language, t.theme AS theme
         FROM wellbeing_courses c JOIN wellbeing_course_themes t ON t.course_id = c.course_id
        WHERE c.status = 'published' AND t.theme IN (${placeholders(themes.length)})
        ORDER BY CASE WHEN c.language = ? THEN 0 ELSE 1 END, c.title, c.course_id`,
      [...themes, language],
    );
    const courses = new Map<string, RecommendedCourse>();
    for (const row of rows) {
      const id = String(row.id);
      const course = courses.get(id) ?? {
        courseId: id,
        title: String(row.title),
        language: String(row.language),
        themes: [],
      };
      course.themes.push(String(row.theme));
      courses.set(id, course);
    }
    return [...courses.values()].slice(0, limit);
  }
}
