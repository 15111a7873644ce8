import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PageRenderer } from '@academy/web';
import {
  bootAcademy,
  type BootedAcademy,
  CookieJar,
  decodeEntities,
  PageClient,
} from '../web/support/academy-app';
import {
  CatalogueFixtures,
  type CourseJson,
  dayFromNow,
  type Person,
  uniqueWord,
} from './support/catalogue-fixtures';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };

interface CourseDetailJson extends CourseJson {
  sessions: Array<{ id: string; status: string; capacity: number; meetings: Array<{ id: string }> }>;
}

describe('course and session management pages (all-in-one)', () => {
  let academy: BootedAcademy;
  let app: NestFastifyApplication;
  let pages: PageClient;
  let fixtures: CatalogueFixtures;

  beforeAll(async () => {
    academy = await bootAcademy({ ACADEMY_ADMIN_EMAIL: ADMIN.email, ACADEMY_ADMIN_PASSWORD: ADMIN.password });
    app = academy.app;
    pages = new PageClient(app);
    fixtures = new CatalogueFixtures(app, ADMIN);
  });

  afterAll(async () => {
    expect(app.get(PageRenderer).messages.missingKeys()).toEqual([]);
    await academy.close();
  });

  const detail = (id: string, person: Person) =>
    fixtures.call<CourseDetailJson>('GET', `/api/catalogue/courses/${id}`, person.token);

  const COURSE = {
    kind: 'workshop',
    title: 'Sociale media voor verenigingen',
    summary: 'Posten voor de dorpsvereniging zonder gedoe.',
    description: 'Je leert **plannen** wat je post.',
    category: 'communicatie-en-media',
    language: 'nl',
    audiences: ['volunteers', 'board-members'],
    themes: ['digital', 'communication'],
    providerId: '',
    attendanceThreshold: '75',
  };

  /** A workshop session form: one meeting, a date and times in Friesland. */
  const meetingFields = (day: string, start: string, end: string, extra: Record<string, string> = {}) => ({
    meetingCount: '1',
    'meeting-0-id': '',
    'meeting-0-date': day,
    'meeting-0-start': start,
    'meeting-0-end': end,
    'meeting-0-venue': 'Dorpshuis De Skalm',
    'meeting-0-address': 'Moleneind 12',
    'meeting-0-place': 'Drachten',
    'meeting-0-url': '',
    ...extra,
  });
  const SESSION = {
    capacity: '14',
    minimumParticipants: '',
    goNoGoAt: '',
    enrolmentOpensAt: '',
    enrolmentClosesAt: '',
    cancellationDeadlineHours: '48',
    waitlistMode: 'auto',
    offerHours: '24',
    action: 'save',
  };

  describe('who may manage', () => {
    let foreign: CourseJson;

    beforeAll(async () => {
      foreign = (await fixtures.publishedWorkshop()).course;
    });

    it('sends a visitor without a login to log in first', async () => {
      const res = await pages.get('/catalogue/manage');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/api/auth/renew?next=%2Fcatalogue%2Fmanage');
    });

    it.each(['volunteer', 'coordinator'] as const)(
      'refuses a %s with the friendly 403 page',
      async (role) => {
        const jar = await pages.logIn(await fixtures.person(role));
        for (const url of [
          '/catalogue/manage',
          '/catalogue/manage/courses/new',
          `/catalogue/manage/courses/${foreign.id}`,
        ]) {
          const res = await pages.get(url, jar);
          expect(res.statusCode).toBe(403);
          expect(res.body).toContain('Geen toegang');
        }
        const posted = await pages.submit('/catalogue', '/catalogue/manage/courses', COURSE, jar);
        expect(posted.statusCode).toBe(403);
      },
    );

    it('refuses a trainer another trainer’s course, and its session forms', async () => {
      const trainer = await fixtures.person('trainer');
      const jar = await pages.logIn(trainer);
      expect((await pages.get(`/catalogue/manage/courses/${foreign.id}`, jar)).statusCode).toBe(403);
      expect((await pages.get(`/catalogue/manage/courses/${foreign.id}/sessions/new`, jar)).statusCode).toBe(
        403,
      );
      const posted = await pages.submit(
        '/catalogue/manage',
        `/catalogue/manage/courses/${foreign.id}`,
        COURSE,
        jar,
      );
      expect(posted.statusCode).toBe(403);
      const list = await pages.get('/catalogue/manage', jar);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(foreign.id);
    });
  });

  describe('a trainer', () => {
    let trainer: Person;
    let jar: CookieJar;

    beforeAll(async () => {
      trainer = await fixtures.person('trainer');
      jar = await pages.logIn(trainer);
    });

    it('creates a course through the form, is told what is missing, and publishes it', async () => {
      const broken = await pages.submit(
        '/catalogue/manage/courses/new',
        '/catalogue/manage/courses',
        { ...COURSE, title: 'X', category: '' },
        jar,
      );
      expect(broken.statusCode).toBe(400);
      const summary = [...broken.body.matchAll(/<li><a href="#field-(\w+)">/g)].map((m) => m[1]);
      expect(summary).toEqual(['title', 'category']);
      expect(broken.body).toContain('Vul een titel in van 3 tot 150 tekens');
      expect(broken.body).toMatch(/id="field-title"[^>]*aria-invalid="true"/);
      expect(decodeEntities(broken.body)).toContain(
        'Posten voor de dorpsvereniging zonder gedoe.</textarea>',
      );
      expect(broken.body).toMatch(/value="board-members" checked/);

      const title = `Sociale media ${uniqueWord()}`;
      const created = await pages.submit(
        '/catalogue/manage/courses/new',
        '/catalogue/manage/courses',
        { ...COURSE, title },
        jar,
      );
      expect(created.statusCode).toBe(303);
      const location = String(created.headers.location);
      expect(location).toMatch(/^\/catalogue\/manage\/courses\/[0-9a-f-]{36}\?done=created$/);
      const id = location.split('/')[4].split('?')[0];

      const page = await pages.get(location, jar);
      expect(page.body).toContain('De cursus is opgeslagen als concept.');
      expect(page.body).toContain('Concept');
      expect(page.body).toContain(`action="/catalogue/manage/courses/${id}/publish"`);
      const course = await detail(id, trainer);
      expect(course.status).toBe('draft');
      expect(course.trainerIds).toContain(trainer.userId);
      expect((await pages.get('/catalogue/manage', jar)).body).toContain(title);

      const published = await pages.submit(location, `/catalogue/manage/courses/${id}/publish`, {}, jar);
      expect(published.headers.location).toBe(`/catalogue/manage/courses/${id}?done=published`);
      expect((await pages.get(`/catalogue/courses/${id}`)).statusCode).toBe(200);

      const renamed = await pages.submit(
        location,
        `/catalogue/manage/courses/${id}`,
        { ...COURSE, title: `${title} (nieuw)` },
        jar,
      );
      expect(renamed.headers.location).toBe(`/catalogue/manage/courses/${id}?done=saved`);
      expect((await detail(id, trainer)).title).toBe(`${title} (nieuw)`);
    });

    it('shows a broken session next to the field, keeps what was typed and stores nothing', async () => {
      const course = await fixtures.course(trainer.token, { kind: 'workshop' });
      const formUrl = `/catalogue/manage/courses/${course.id}/sessions/new`;
      const action = `/catalogue/manage/courses/${course.id}/sessions`;
      const day = dayFromNow(40);

      const backwards = await pages.submit(
        formUrl,
        action,
        { ...SESSION, ...meetingFields(day, '21:30', '19:30') },
        jar,
      );
      expect(backwards.statusCode).toBe(400);
      expect(backwards.body).toContain(
        '<a href="#field-meeting-0-end">Bijeenkomst 1: laat de bijeenkomst eindigen na de begintijd</a>',
      );
      expect(backwards.body).toMatch(/id="field-meeting-0-end"[^>]*aria-invalid="true"/);
      expect(backwards.body).toContain(
        `id="field-meeting-0-date" name="meeting-0-date" type="date" value="${day}"`,
      );
      expect(backwards.body).toContain('value="Dorpshuis De Skalm"');

      const online = await pages.submit(
        formUrl,
        action,
        {
          ...SESSION,
          ...meetingFields(day, '19:30', '21:30', { 'meeting-0-online': 'true', 'meeting-0-place': '' }),
        },
        jar,
      );
      expect(online.statusCode).toBe(400);
      expect(online.body).toContain(
        '<a href="#field-meeting-0-url">Bijeenkomst 1: vul de link in waarmee deelnemers meedoen',
      );
      expect(online.body).toMatch(/id="field-meeting-0-online" name="meeting-0-online" value="true" checked/);

      const noSeats = await pages.submit(
        formUrl,
        action,
        { ...SESSION, capacity: '0', ...meetingFields(day, '19:30', '21:30') },
        jar,
      );
      expect(noSeats.statusCode).toBe(400);
      expect(noSeats.body).toContain(
        '<a href="#field-capacity">Vul het aantal plekken in: een heel getal van 1 tot 1000',
      );
      expect(noSeats.body).toMatch(/id="field-capacity"[^>]*aria-invalid="true"/);

      const past = await pages.submit(
        formUrl,
        action,
        { ...SESSION, ...meetingFields(dayFromNow(-2), '19:30', '21:30') },
        jar,
      );
      expect(past.body).toContain('Bijeenkomst 1: deze datum en tijd zijn al voorbij');

      const unreadable = await pages.submit(
        formUrl,
        action,
        { ...SESSION, ...meetingFields('2026-02-30', '', '21:30') },
        jar,
      );
      expect(unreadable.statusCode).toBe(400);
      expect(unreadable.body).toContain('Bijeenkomst 1: vul een bestaande datum in');
      expect(unreadable.body).toContain('Bijeenkomst 1: vul de begintijd in');

      expect((await detail(course.id, trainer)).sessions).toEqual([]);

      const saved = await pages.submit(
        formUrl,
        action,
        { ...SESSION, ...meetingFields(day, '19:30', '21:30') },
        jar,
      );
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/catalogue/manage/courses/${course.id}?done=session-created`);
      const [session] = (await detail(course.id, trainer)).sessions;
      expect(session?.capacity).toBe(14);
    });

    it('adds and removes meetings of a training with the form’s own buttons, and skips an empty one', async () => {
      const course = await fixtures.course(trainer.token, { kind: 'training' });
      const formUrl = `/catalogue/manage/courses/${course.id}/sessions/new`;
      const action = `/catalogue/manage/courses/${course.id}/sessions`;
      const fresh = await pages.get(formUrl, jar);
      expect(fresh.body.match(/<fieldset class="fieldset meeting-fields">/g)).toHaveLength(2);

      const first = meetingFields(dayFromNow(30), '19:30', '21:30');
      const added = await pages.submit(
        formUrl,
        action,
        { ...SESSION, ...first, meetingCount: '2', action: 'add-meeting' },
        jar,
      );
      expect(added.statusCode).toBe(200);
      expect(added.body.match(/<fieldset class="fieldset meeting-fields">/g)).toHaveLength(3);
      expect(added.body).toContain('name="meetingCount" value="3"');
      expect(added.body).toContain('Bijeenkomst 3 weghalen');

      const removed = await pages.submit(
        formUrl,
        action,
        { ...SESSION, ...first, meetingCount: '3', action: 'remove-1' },
        jar,
      );
      expect(removed.body.match(/<fieldset class="fieldset meeting-fields">/g)).toHaveLength(2);

      const saved = await pages.submit(formUrl, action, { ...SESSION, ...first, meetingCount: '2' }, jar);
      expect(saved.statusCode).toBe(303);
      expect((await detail(course.id, trainer)).sessions[0]?.meetings).toHaveLength(1);
    });

    it('changes a session, and cancels one only with a reason', async () => {
      const course = await fixtures.course(trainer.token, { kind: 'workshop' });
      const session = await fixtures.session(trainer.token, course.id, { capacity: 10 });
      await fixtures.publish(trainer.token, course.id);
      const editUrl = `/catalogue/manage/courses/${course.id}/sessions/${session.id}`;

      const form = await pages.get(editUrl, jar);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(`name="meeting-0-id" value="${session.meetings[0].id}"`);
      expect(form.body).toMatch(/id="field-capacity" name="capacity" type="text" value="10"/);
      const day = dayFromNow(30);
      const changed = await pages.submit(
        editUrl,
        editUrl,
        {
          ...SESSION,
          capacity: '16',
          ...meetingFields(day, '19:00', '21:00', { 'meeting-0-id': session.meetings[0].id }),
        },
        jar,
      );
      expect(changed.headers.location).toBe(`/catalogue/manage/courses/${course.id}?done=session-saved`);
      const after = (await detail(course.id, trainer)).sessions[0];
      expect(after.capacity).toBe(16);
      expect(after.meetings[0].id).toBe(session.meetings[0].id);

      const cancelUrl = `${editUrl}/cancel`;
      const confirm = await pages.get(cancelUrl, jar);
      expect(confirm.body).toContain('Iedereen die is aangemeld');
      const noReason = await pages.submit(cancelUrl, cancelUrl, { reason: ' ' }, jar);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('Schrijf in een paar woorden waarom de groep niet doorgaat');
      expect((await detail(course.id, trainer)).sessions[0].status).not.toBe('cancelled');

      const cancelled = await pages.submit(cancelUrl, cancelUrl, { reason: 'De trainer is ziek.' }, jar);
      expect(cancelled.headers.location).toBe(
        `/catalogue/manage/courses/${course.id}?done=session-cancelled`,
      );
      expect((await detail(course.id, trainer)).sessions[0].status).toBe('cancelled');
      const manage = await pages.get(String(cancelled.headers.location), jar);
      expect(manage.body).toContain('De groep is geannuleerd.');
      expect(manage.body).not.toContain(`href="${cancelUrl}"`);
      expect((await pages.get(cancelUrl, jar)).statusCode).toBe(404);
    });
  });
});
