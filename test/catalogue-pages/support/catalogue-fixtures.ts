import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { localInstant, wallClock } from '../../../libs/catalogue/src/pages/local-time';

/** What the catalogue API answers, as far as these tests read it. */
export interface CourseJson {
  id: string;
  title: string;
  status: string;
  trainerIds: string[];
}
export interface SessionJson {
  id: string;
  version: number;
  meetings: Array<{ id: string; startsAt: string; endsAt: string }>;
}

export type Role = 'volunteer' | 'trainer' | 'coordinator';

export interface Person {
  email: string;
  password: string;
  userId: string;
  token: string;
}

/** A word no other test uses: put in a title, it makes a search find only this test's courses. */
export const uniqueWord = (): string => `zoekwoord${randomUUID().replace(/-/g, '').slice(0, 10)}`;

/** The Friesland date `days` from now (YYYY-MM-DD). */
export function dayFromNow(days: number): string {
  return wallClock(new Date(Date.now() + days * 86_400_000)).date;
}

/** A meeting on a day from now, at a Friesland time, for the API. */
export function meeting(
  days: number,
  start = '19:30',
  end = '21:30',
  location: { name: string; place?: string; address?: string; online?: boolean; url?: string } = {
    name: 'Dorpshuis De Skalm',
    place: 'Drachten',
    address: 'Moleneind 12',
  },
) {
  const day = dayFromNow(days);
  return { startsAt: localInstant(day, start)!, endsAt: localInstant(day, end)!, location };
}

/**
 * Builds each test's own data through the public JSON API, the way an administrator or trainer would:
 * organisations and people, courses, sessions, publishing.
 */
export class CatalogueFixtures {
  private adminToken?: string;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly admin: { email: string; password: string },
  ) {}

  async token(email: string, password: string): Promise<string> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    return res.json<{ accessToken: string }>().accessToken;
  }

  async asAdmin(): Promise<string> {
    this.adminToken ??= await this.token(this.admin.email, this.admin.password);
    return this.adminToken;
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object): Promise<T> {
    const res = await this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  }

  /** A person with one role in a fresh organisation. */
  async person(role: Role): Promise<Person> {
    const admin = await this.asAdmin();
    const organisation = await this.call<{ id: string }>('POST', '/api/organisations', admin, {
      name: `Doarpshûs ${randomUUID().slice(0, 8)}`,
    });
    const email = `${role}-${randomUUID().slice(0, 8)}@academie.test`;
    const password = 'in it doarpshûs is altyd kofje';
    const user = await this.call<{ id: string }>('POST', '/api/users', admin, {
      email,
      password,
      displayName: `${role} ${email.slice(-20, -13)}`,
      memberships: [{ organisationId: organisation.id, role }],
    });
    return { email, password, userId: user.id, token: await this.token(email, password) };
  }

  async course(token: string, fields: Record<string, unknown> = {}): Promise<CourseJson> {
    return this.call<CourseJson>('POST', '/api/catalogue/courses', token, {
      kind: 'workshop',
      title: `Omgaan met dementie ${uniqueWord()}`,
      summary: 'Wat doe je als je naaste vergeetachtig wordt?',
      category: 'mantelzorg',
      language: 'nl',
      audiences: ['carers'],
      themes: ['dementia'],
      ...fields,
    });
  }

  async session(token: string, courseId: string, fields: Record<string, unknown> = {}): Promise<SessionJson> {
    return this.call<SessionJson>('POST', `/api/catalogue/courses/${courseId}/sessions`, token, {
      capacity: 12,
      meetings: [meeting(30)],
      ...fields,
    });
  }

  async publish(token: string, courseId: string): Promise<void> {
    await this.call('POST', `/api/catalogue/courses/${courseId}/publish`, token);
  }

  /** A published workshop with one session: the most common thing in the catalogue. */
  async publishedWorkshop(
    fields: Record<string, unknown> = {},
    session: Record<string, unknown> = {},
  ): Promise<{ course: CourseJson; session: SessionJson }> {
    const admin = await this.asAdmin();
    const course = await this.course(admin, fields);
    const created = await this.session(admin, course.id, session);
    await this.publish(admin, course.id);
    return { course, session: created };
  }
}
