import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PageRenderer } from '@academy/web';
import { longDate } from '../../libs/catalogue/src/pages/local-time';
import { bootAcademy, type BootedAcademy, decodeEntities, PageClient } from '../web/support/academy-app';
import { CatalogueFixtures, dayFromNow, meeting, uniqueWord } from './support/catalogue-fixtures';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };

describe('catalogue pages and calendar feed (all-in-one)', () => {
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

  /** The titles of the result cards, in order. */
  const titles = (html: string) =>
    [...html.matchAll(/class="card__title"><a href="[^"]+" lang="\w+">([^<]+)</g)].map((m) => m[1]);

  describe('the catalogue', () => {
    it('lists published courses with their next date, place and seats, and leaves drafts out', async () => {
      const word = uniqueWord();
      const { course } = await fixtures.publishedWorkshop(
        { title: `Grenzen stellen ${word}` },
        { capacity: 8, meetings: [meeting(20, '19:30', '21:30')] },
      );
      await fixtures.course(await fixtures.asAdmin(), { title: `Concept ${word}` });

      const res = await pages.get(`/catalogue?q=${word}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Trainingen en workshops</h1>');
      expect(titles(res.body)).toEqual([`Grenzen stellen ${word}`]);
      expect(res.body).toContain(`href="/catalogue/courses/${course.id}"`);
      expect(res.body).toContain('1 training of workshop gevonden');
      expect(res.body).toContain('<dd>Drachten</dd>');
      expect(res.body).toContain('Nog 8 plekken vrij');
      expect(res.body).toMatch(/<dd>\w\w \d{1,2} \w+\.? \d{4}, 19:30\u2060–\u206021:30<\/dd>/);
      expect(res.body).toContain('Workshop · Mantelzorg · Nederlands');
    });

    it('combines filters from the URL, shows them chosen in the form and keeps them in the feed link', async () => {
      const word = uniqueWord();
      await fixtures.publishedWorkshop({ title: `Workshop in Drachten ${word}` });
      await fixtures.publishedWorkshop(
        { title: `Training online ${word}`, kind: 'training', themes: ['stress'] },
        {
          meetings: [
            meeting(25, '10:00', '12:00', {
              name: 'Online',
              online: true,
              url: 'https://meet.example.org/a',
            }),
            meeting(32, '10:00', '12:00', {
              name: 'Online',
              online: true,
              url: 'https://meet.example.org/a',
            }),
          ],
        },
      );
      await fixtures.publishedWorkshop(
        { title: `Workshop in Snits ${word}` },
        { meetings: [meeting(40, '14:00', '16:00', { name: 'De Tryater', place: 'Snits' })] },
      );

      expect(titles((await pages.get(`/catalogue?q=${word}`)).body)).toHaveLength(3);
      expect(titles((await pages.get(`/catalogue?q=${word}&kind=workshop`)).body).sort()).toEqual([
        `Workshop in Drachten ${word}`,
        `Workshop in Snits ${word}`,
      ]);
      expect(titles((await pages.get(`/catalogue?q=${word}&online=true`)).body)).toEqual([
        `Training online ${word}`,
      ]);
      expect(titles((await pages.get(`/catalogue?q=${word}&kind=workshop&place=Snits`)).body)).toEqual([
        `Workshop in Snits ${word}`,
      ]);
      expect(titles((await pages.get(`/catalogue?q=${word}&theme=stress&online=false`)).body)).toEqual([]);

      const to = dayFromNow(30);
      const res = await pages.get(`/catalogue?q=${word}&kind=workshop&to=${to}`);
      expect(titles(res.body)).toEqual([`Workshop in Drachten ${word}`]);
      const html = decodeEntities(res.body);
      // Closed once chosen, so the results come first; the choices are listed in words above them.
      expect(html).toMatch(/<details class="filters">/);
      expect(html).toContain('(2 gekozen)');
      expect(html).toMatch(/<strong>Gekozen:<\/strong> Workshop · tot en met \w\w \d{1,2} \w+\.? \d{4}\./);
      expect(html).toContain('<option value="workshop" selected>Workshop</option>');
      expect(html).toContain(`id="field-to" name="to" type="date" value="${to}"`);
      expect(html).toContain(`id="field-q" name="q" type="search" value="${word}"`);
      expect(html).toContain(`href="/catalogue.ics?q=${word}&kind=workshop&to=${to}"`);
      // The language switch keeps the search.
      expect(html).toContain(`href="/catalogue?q=${word}&kind=workshop&to=${to}&lang=fy"`);
    });

    it('pages through the results with links that keep the search', async () => {
      const word = uniqueWord();
      const admin = await fixtures.asAdmin();
      for (let i = 0; i < 12; i++) {
        const course = await fixtures.course(admin, { title: `Vergadertechniek ${i} ${word}` });
        await fixtures.session(admin, course.id, { meetings: [meeting(10 + i)] });
        await fixtures.publish(admin, course.id);
      }
      const first = await pages.get(`/catalogue?q=${word}`);
      expect(first.body).toContain('12 trainingen en workshops gevonden');
      expect(titles(first.body)).toHaveLength(10);
      expect(titles(first.body)[0]).toBe(`Vergadertechniek 0 ${word}`);
      expect(first.body).toContain('Pagina 1 van 2');
      expect(decodeEntities(first.body)).toContain(`href="/catalogue?q=${word}&page=2" rel="next"`);
      const second = await pages.get(`/catalogue?q=${word}&page=2`);
      expect(titles(second.body)).toEqual([`Vergadertechniek 10 ${word}`, `Vergadertechniek 11 ${word}`]);
      expect(decodeEntities(second.body)).toContain(`href="/catalogue?q=${word}" rel="prev"`);
      expect(second.body).not.toContain('rel="next"');
    });

    it('says when nothing is found and offers to clear the choices', async () => {
      const res = await pages.get(`/catalogue?q=${uniqueWord()}&hasSeats=true`);
      expect(res.body).toContain('Niets gevonden');
      expect(res.body).toContain('Probeer het met minder keuzes');
      expect(res.body).toContain('<a href="/catalogue">Alle keuzes wissen</a>');
    });

    it('shows a date that does not exist next to its field instead of failing', async () => {
      const res = await pages.get('/catalogue?from=2026-02-30');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/class="error-summary" role="alert"/);
      expect(res.body).toContain('<a href="#field-from">Vul een bestaande datum in');
      expect(res.body).toMatch(/id="field-from"[^>]*aria-invalid="true"/);
      expect(res.body).toMatch(/<details class="filters" open>/);
    });

    it('speaks Frisian and English', async () => {
      const fy = await pages.get('/catalogue?lang=fy');
      expect(fy.body).toContain('<html lang="fy">');
      expect(fy.body).toContain('Sykje op wurden');
      const en = await pages.get('/catalogue?lang=en');
      expect(en.body).toContain('Search for words');
    });
  });

  describe('a course page', () => {
    it('shows the description safely, the facts, every meeting in Friesland time, place and seats', async () => {
      const admin = await fixtures.asAdmin();
      const provider = await fixtures.call<{ id: string }>('POST', '/api/catalogue/providers', admin, {
        name: `Humanitas Fryslân ${uniqueWord()}`,
      });
      const course = await fixtures.course(admin, {
        kind: 'training',
        title: 'Grenzen stellen als mantelzorger',
        description: 'Je leert **nee zeggen**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>',
        providerId: provider.id,
        audiences: ['carers', 'volunteers'],
      });
      const session = await fixtures.session(admin, course.id, {
        capacity: 10,
        meetings: [
          meeting(14, '19:30', '21:30', { name: 'Doarpshûs', place: 'Easterwâlde', address: 'Brink 1' }),
          meeting(21, '19:30', '21:30', { name: 'Online', online: true, url: 'https://meet.example.org/b' }),
        ],
      });
      await fixtures.publish(admin, course.id);

      const res = await pages.get(`/catalogue/courses/${course.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Grenzen stellen als mantelzorger – Vrijwilligersacademie</title>');
      expect(res.body).toContain('<h1 lang="nl">Grenzen stellen als mantelzorger</h1>');
      expect(res.body).toContain('<strong>nee zeggen</strong>');
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).not.toMatch(/<img[^>]*onerror/);
      expect(res.body).toContain('<dd>Mantelzorgers, Vrijwilligers</dd>');
      expect(res.body).toContain('Humanitas Fryslân');
      expect(res.body).toContain(longDate(session.meetings[0].startsAt, 'nl'));
      expect(res.body).toContain('19:30\u2060–\u206021:30 uur');
      expect(res.body).toContain('Doarpshûs, Brink 1, Easterwâlde');
      expect(res.body).toContain('Online');
      expect(res.body).not.toContain('meet.example.org');
      expect(res.body).toContain('Nog 10 plekken vrij');
      expect(res.body).toContain('0 van de 10 plekken bezet');
      // Anonymous: log in first, and come back here.
      expect(decodeEntities(res.body)).toContain(`href="/login?next=%2Fcatalogue%2Fcourses%2F${course.id}"`);
      expect(res.body).not.toContain('action="/enrolments"');
    });

    it('gives a logged-in volunteer an enrol form with the session and a CSRF token, in their language', async () => {
      const { course, session } = await fixtures.publishedWorkshop();
      const volunteer = await fixtures.person('volunteer');
      const jar = await pages.logIn(volunteer);
      const res = await pages.get(`/catalogue/courses/${course.id}?lang=fy`, jar);
      expect(res.body).toContain('<form class="enrol" method="post" action="/enrolments">');
      expect(res.body).toContain(`<input type="hidden" name="sessionId" value="${session.id}">`);
      expect(res.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
      expect(res.body).toContain('Meld my oan');
      expect(res.body).toContain(longDate(session.meetings[0].startsAt, 'fy'));
      expect(res.body).not.toContain('Dizze kursus beheare');
    });

    it('answers an unknown course, a draft and a malformed id with the not-found page', async () => {
      const draft = await fixtures.course(await fixtures.asAdmin());
      for (const url of [
        '/catalogue/courses/00000000-0000-4000-8000-000000000000',
        `/catalogue/courses/${draft.id}`,
        '/catalogue/courses/niet-een-id',
      ]) {
        const res = await pages.get(url);
        expect(res.statusCode).toBe(404);
        expect(res.body).toContain('Pagina niet gevonden');
      }
    });
  });

  describe('the calendar feed', () => {
    it('has one event per meeting with a stable UID, Friesland time, place and a link, filtered like the page', async () => {
      const word = uniqueWord();
      const admin = await fixtures.asAdmin();
      const training = await fixtures.course(admin, { kind: 'training', title: `Rouw en verlies ${word}` });
      const sessions = [
        await fixtures.session(admin, training.id, {
          meetings: [meeting(15, '09:30', '12:00'), meeting(22, '09:30', '12:00')],
        }),
        await fixtures.session(admin, training.id, {
          meetings: [
            meeting(50, '13:00', '15:00', {
              name: 'Online',
              online: true,
              url: 'https://meet.example.org/c',
            }),
          ],
        }),
      ];
      await fixtures.publish(admin, training.id);
      await fixtures.publishedWorkshop({ title: `Digitaal ${word}` });

      const res = await app.inject({
        method: 'GET',
        url: `/catalogue.ics?q=${encodeURIComponent(`Rouw ${word}`)}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const lines = res.body.replace(/\r\n[ \t]/g, '').split('\r\n');
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines).toContain('TZID:Europe/Amsterdam');
      const uids = lines.filter((l) => l.startsWith('UID:')).map((l) => l.slice(4));
      const meetings = sessions.flatMap((s) => s.meetings);
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(meetings.length);
      expect(uids.sort()).toEqual(meetings.map((m) => `meeting-${m.id}@vrijwilligersacademie`).sort());
      expect(lines).toContain(`DTSTART;TZID=Europe/Amsterdam:${dayFromNow(15).replace(/-/g, '')}T093000`);
      expect(lines).toContain('LOCATION:Dorpshuis De Skalm\\, Moleneind 12\\, Drachten');
      expect(lines).toContain(`URL;VALUE=URI:http://localhost:3000/catalogue/courses/${training.id}`);
      expect(lines.some((l) => l.startsWith(`SUMMARY:Rouw en verlies ${word} (bijeenkomst 1 van 2)`))).toBe(
        true,
      );

      // The same UIDs on every fetch: subscribed calendars update events instead of doubling them.
      const again = await app.inject({
        method: 'GET',
        url: `/catalogue.ics?q=${encodeURIComponent(`Rouw ${word}`)}`,
      });
      expect(again.body.match(/^UID:.*$/gm)?.sort()).toEqual(res.body.match(/^UID:.*$/gm)?.sort());

      const online = await app.inject({ method: 'GET', url: `/catalogue.ics?q=${word}&online=true` });
      expect(online.body.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
      expect(online.body).toContain(`UID:meeting-${sessions[1].meetings[0].id}@vrijwilligersacademie`);
    });
  });
});
