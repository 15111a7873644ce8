import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { PageRenderer } from '@academy/web';
import { CatalogueFixtures, type Person } from '../catalogue-pages/support/catalogue-fixtures';
import {
  bootAcademy,
  type BootedAcademy,
  CookieJar,
  csrfTokenOf,
  decodeEntities,
  PageClient,
} from '../web/support/academy-app';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };
const MINUTE = 60_000;

describe('enrolment pages (all-in-one)', () => {
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

  /** Waits until the enrolment context has the session from the catalogue's event. */
  async function replicated(sessionId: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const res = await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/seats` });
      if (res.statusCode === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`session ${sessionId} never reached the enrolment context`);
  }

  /** Enrols through the form on the course page, as a person with a browser does. */
  async function enrolFromCoursePage(jar: CookieJar, courseId: string): Promise<LightMyRequestResponse> {
    const page = await pages.get(`/catalogue/courses/${courseId}`, jar);
    expect(page.statusCode).toBe(200);
    const formHtml = /<form class="enrol" method="post" action="\/enrolments">([\s\S]*?)<\/form>/.exec(
      page.body,
    );
    expect(formHtml).not.toBeNull();
    const sessionId = /name="sessionId" value="([^"]+)"/.exec(formHtml![1])![1];
    return pages.post('/enrolments', { sessionId, _csrf: csrfTokenOf(formHtml![1]) }, jar);
  }

  async function workshop(capacity: number, trainer?: Person, startsInMinutes = 30 * 24 * 60) {
    const startsAt = new Date(Date.now() + startsInMinutes * MINUTE);
    const { course, session } = await fixtures.publishedWorkshop(
      { title: `Grenzen stellen ${startsInMinutes}-${capacity}-${Math.random().toString(36).slice(2, 8)}` },
      {
        capacity,
        trainerIds: trainer ? [trainer.userId] : [],
        meetings: [
          {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
            location: { name: 'Dorpshuis De Skalm', place: 'Drachten' },
          },
        ],
      },
    );
    await replicated(session.id);
    return { course, session };
  }

  it('enrols from the course page, shows the waitlist position of a full session, and cancels kindly', async () => {
    const { course } = await workshop(1);
    const [anna, bauke] = [await fixtures.person('volunteer'), await fixtures.person('volunteer')];
    const [annaJar, baukeJar] = [await pages.logIn(anna), await pages.logIn(bauke)];

    const first = await enrolFromCoursePage(annaJar, course.id);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toMatch(/^\/my\/trainings\?enrolled=[0-9a-f-]{36}$/);
    const annaPage = await pages.get(String(first.headers.location), annaJar);
    expect(annaPage.body).toContain('U bent aangemeld voor');
    expect(annaPage.body).toContain('Afmelden kan tot');
    expect(annaPage.body).toContain('telt dat als late afmelding');

    const second = await enrolFromCoursePage(baukeJar, course.id);
    expect(second.statusCode).toBe(303);
    const baukePage = await pages.get(String(second.headers.location), baukeJar);
    expect(baukePage.body).toContain('U staat op plaats 1 van de wachtlijst');
    expect(baukePage.body).toContain('Van de wachtlijst af');

    // Twice: told kindly, with a way on.
    const again = await enrolFromCoursePage(baukeJar, course.id);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('U bent al aangemeld voor deze bijeenkomst');
    expect(again.body).toContain(`href="/catalogue/courses/${course.id}"`);

    // Anna cancels (after a question first); the seat goes to Bauke at once.
    const enrolmentId = /enrolled=([0-9a-f-]{36})/.exec(String(first.headers.location))![1];
    const ask = await pages.get(`/my/trainings/${enrolmentId}/cancel`, annaJar);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Wilt u zich afmelden voor');
    const cancelled = await pages.post(
      `/my/trainings/${enrolmentId}/cancel`,
      {
        _csrf: csrfTokenOf(ask.body),
      },
      annaJar,
    );
    expect(cancelled.statusCode).toBe(303);
    expect(cancelled.headers.location).toBe('/my/trainings?done=cancelled');
    expect((await pages.get('/my/trainings?done=cancelled', annaJar)).body).toContain('U bent afgemeld.');
    const promoted = await pages.get('/my/trainings', baukeJar);
    expect(promoted.body).toContain('<strong>Aangemeld</strong>');
    expect(promoted.body).not.toContain('van de wachtlijst.');

    // Someone else's enrolment is nobody's business: 404.
    expect((await pages.get(`/my/trainings/${enrolmentId}/cancel`, baukeJar)).statusCode).toBe(404);
  });

  it('needs the CSRF token of the form and a login', async () => {
    const { session } = await workshop(5);
    const jar = await pages.logIn(await fixtures.person('volunteer'));
    const forged = await pages.post('/enrolments', { sessionId: session.id }, jar);
    expect(forged.statusCode).toBe(403);
    expect((await pages.get('/my/trainings', jar)).body).toContain('U bent nog niet aangemeld');
    const anonymous = await pages.get('/my/trainings');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('next=%2Fmy%2Ftrainings');
  });

  it('lets a trainer take attendance in one form per meeting, and nobody else see the roster', async () => {
    const trainer = await fixtures.person('trainer');
    const { course, session } = await workshop(5, trainer, 30);
    const [sjoukje, volunteer] = [await fixtures.person('volunteer'), await fixtures.person('volunteer')];
    const sjoukjeJar = await pages.logIn(sjoukje);
    expect((await enrolFromCoursePage(sjoukjeJar, course.id)).statusCode).toBe(303);

    const volunteerJar = await pages.logIn(volunteer);
    expect((await pages.get(`/trainer/sessions/${session.id}`, volunteerJar)).statusCode).toBe(403);
    expect((await pages.get('/trainer/sessions', volunteerJar)).statusCode).toBe(403);

    const trainerJar = await pages.logIn(trainer);
    const list = await pages.get('/trainer/sessions', trainerJar);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/trainer/sessions/${session.id}"`);
    const roster = await pages.get(`/trainer/sessions/${session.id}`, trainerJar);
    expect(roster.statusCode).toBe(200);
    const enrolmentId = /name="status-([0-9a-f-]{36})" value="present"/.exec(roster.body)![1];
    for (const label of ['Aanwezig', 'Te laat', 'Afgemeld', 'Afwezig']) expect(roster.body).toContain(label);
    const action = /action="(\/trainer\/sessions\/[^"]+\/attendance)"/.exec(roster.body)![1];

    // Without a choice: told so, nothing saved.
    const empty = await pages.post(action, { _csrf: csrfTokenOf(roster.body) }, trainerJar);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Kies voor minstens één deelnemer');

    const saved = await pages.post(
      action,
      {
        _csrf: csrfTokenOf(roster.body),
        [`status-${enrolmentId}`]: 'present',
      },
      trainerJar,
    );
    expect(saved.statusCode).toBe(303);
    const after = await pages.get(String(saved.headers.location).split('#')[0], trainerJar);
    expect(after.body).toContain('De aanwezigheid van bijeenkomst 1 is opgeslagen.');
    expect(after.body).toMatch(new RegExp(`name="status-${enrolmentId}" value="present" checked`));

    const csv = await pages.get(`/trainer/sessions/${session.id}/roster.csv`, trainerJar);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('present');

    // One meeting of one attended: completed, so there is a certificate — for Sjoukje only.
    const mine = await pages.get('/my/trainings', sjoukjeJar);
    const certificateUrl = /href="(\/my\/trainings\/[0-9a-f-]{36}\/certificate\.pdf)"/.exec(mine.body)![1];
    const pdf = await pages.get(certificateUrl, sjoukjeJar);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pages.get(certificateUrl, volunteerJar)).statusCode).toBe(404);
    const api = await app.inject({
      method: 'GET',
      url: `/api/enrolments/${enrolmentId}/certificate.pdf`,
      headers: { authorization: `Bearer ${sjoukje.token}` },
    });
    expect(api.statusCode).toBe(200);
    expect(api.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const notMine = await app.inject({
      method: 'GET',
      url: `/api/enrolments/${enrolmentId}/certificate.pdf`,
      headers: { authorization: `Bearer ${volunteer.token}` },
    });
    expect(notMine.statusCode).toBe(404);
  });

  it('checks a volunteer in with the QR code on the trainer’s phone', async () => {
    const trainer = await fixtures.person('trainer');
    const { course, session } = await workshop(5, trainer, 5);
    const [wieke, stranger] = [await fixtures.person('volunteer'), await fixtures.person('volunteer')];
    const wiekeJar = await pages.logIn(wieke);
    expect((await enrolFromCoursePage(wiekeJar, course.id)).statusCode).toBe(303);

    const trainerJar = await pages.logIn(trainer);
    const meetingId = session.meetings[0].id;
    const qr = await pages.get(`/trainer/sessions/${session.id}/meetings/${meetingId}/checkin`, trainerJar);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers.refresh).toBe('30');
    expect(qr.body).toContain('<svg');
    const url = new URL(/<a href="([^"]+\/checkin\/[^"]+)"/.exec(decodeEntities(qr.body))![1]);
    expect(url.pathname).toBe(`/checkin/${meetingId}`);

    const volunteerQr = await pages.get(
      `/trainer/sessions/${session.id}/meetings/${meetingId}/checkin`,
      wiekeJar,
    );
    expect(volunteerQr.statusCode).toBe(403);

    const forged = await pages.get(`/checkin/${meetingId}?code=not-the-code`, wiekeJar);
    expect(forged.body).toContain('Deze code is verlopen');
    const checkedIn = await pages.get(`${url.pathname}${url.search}`, wiekeJar);
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.body).toContain('U bent ingecheckt voor');
    expect((await pages.get(`${url.pathname}${url.search}`, wiekeJar)).body).toContain(
      'U stond al op de presentielijst',
    );
    const notEnrolled = await pages.get(`${url.pathname}${url.search}`, await pages.logIn(stranger));
    expect(notEnrolled.statusCode).toBe(403);

    const roster = await pages.get(`/trainer/sessions/${session.id}`, trainerJar);
    expect(roster.body).toMatch(/name="status-[0-9a-f-]{36}" value="present" checked/);
  });
});
