import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PageRenderer } from '@academy/web';
import { addWeeks, weekStartOf } from '../../libs/enrolment/src/wellbeing/rules';
import { bearer } from '../support/apps';
import {
  bootAcademy,
  type BootedAcademy,
  CookieJar,
  decodeEntities,
  PageClient,
} from '../web/support/academy-app';
import { loginToken, newMember, newOrganisation } from '../web/support/people';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };

interface Member {
  email: string;
  password: string;
  userId: string;
  name: string;
  token: string;
}

describe('load-signal pages (all-in-one)', () => {
  let academy: BootedAcademy;
  let app: NestFastifyApplication;
  let pages: PageClient;
  let adminToken: string;

  beforeAll(async () => {
    academy = await bootAcademy({ ACADEMY_ADMIN_EMAIL: ADMIN.email, ACADEMY_ADMIN_PASSWORD: ADMIN.password });
    app = academy.app;
    pages = new PageClient(app);
    adminToken = await token(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    expect(app.get(PageRenderer).messages.missingKeys()).toEqual([]);
    await academy.close();
  });

  const token = (email: string, password: string) => loginToken(app, email, password);
  const organisation = () => newOrganisation(app, adminToken);
  async function member(
    organisationId: string,
    role: 'volunteer' | 'coordinator',
    name: string,
  ): Promise<Member> {
    const created = await newMember(app, adminToken, organisationId, role, name);
    return { ...created, token: await token(created.email, created.password) };
  }

  /** The coordinator's overview, once the enrolment context has the volunteers from identity's events. */
  async function overviewShowing(jar: CookieJar, organisationId: string, name: string): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const res = await pages.get(`/coordinator/volunteers?organisationId=${organisationId}`, jar);
      expect(res.statusCode).toBe(200);
      if (res.body.includes(name)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${name} never appeared on the coordinator's overview`);
  }

  const rows = async (table: string, volunteerId: string): Promise<number> => {
    const [row] = await academy
      .dataSource('enrolment')
      .query(`SELECT COUNT(*) AS n FROM ${table} WHERE volunteer_id = ?`, [volunteerId]);
    return Number((row as { n: number }).n);
  };

  it('shows each problem of a check-in in an error summary and stores nothing; a good one shows the result', async () => {
    const org = await organisation();
    const anna = await member(org, 'volunteer', `Anna ${randomUUID().slice(0, 6)}`);
    const jar = await pages.logIn(anna);

    const form = await pages.get('/my/wellbeing/check-in', jar);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="volunteerHours"');
    // Caring and sharing are off by default.
    expect(form.body).toMatch(/id="field-caring" name="caring" value="no" checked/);
    expect(form.body).toMatch(/id="field-share" name="share" value="no" checked/);

    const empty = await pages.submit(
      '/my/wellbeing/check-in',
      '/my/wellbeing/check-in',
      { volunteerHours: '' },
      jar,
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('class="error-summary"');
    expect(empty.body).toContain('href="#field-volunteerHours"');
    expect(empty.body).toContain('Vul in hoeveel uur u vrijwilliger was, ook als het 0 is.');

    const wrong = await pages.submit(
      '/my/wellbeing/check-in',
      '/my/wellbeing/check-in',
      { volunteerHours: 'veel', activeRoles: '99', caring: 'yes', selfCheck: '9', share: 'yes' },
      jar,
    );
    expect(wrong.statusCode).toBe(422);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(wrong.body)![0];
    const linked = [...summary.matchAll(/href="#field-([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(linked).toEqual(['volunteerHours', 'activeRoles', 'hoursBand', 'durationBand', 'selfCheck']);
    // What was typed stays in the form, and the caring part is open to show its errors.
    expect(wrong.body).toContain('value="veel"');
    expect(wrong.body).toMatch(/<details class="panel" id="caring" open>/);

    const tooMany = await pages.submit(
      '/my/wellbeing/check-in',
      '/my/wellbeing/check-in',
      { volunteerHours: '169' },
      jar,
    );
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.body).toContain('Vul een getal in van 0 tot en met 168');

    expect(await rows('wellbeing_check_ins', anna.userId)).toBe(0);
    expect(await rows('wellbeing_self_checks', anna.userId)).toBe(0);
    expect(await rows('wellbeing_caring', anna.userId)).toBe(0);

    const good = await pages.submit(
      '/my/wellbeing/check-in',
      '/my/wellbeing/check-in',
      { volunteerHours: '6,5', activeRoles: '2', caring: 'no', selfCheck: '4', share: 'no' },
      jar,
    );
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/my/wellbeing/check-in/result');
    expect(await rows('wellbeing_check_ins', anna.userId)).toBe(1);
    expect(await rows('wellbeing_self_checks', anna.userId)).toBe(1);

    const result = await pages.get('/my/wellbeing/check-in/result', jar);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('Dank u wel, uw weekcheck is opgeslagen.');
    expect(result.body).toContain('Uw antwoord op de vraag: veel');
    expect(result.body).toContain('Deze uitkomst ziet alleen u.');

    // Deleting the self-checks from "how am I doing" removes them.
    const deleted = await pages.submit('/my/wellbeing', '/my/wellbeing/self-checks/delete', {}, jar);
    expect(deleted.statusCode).toBe(303);
    expect(await rows('wellbeing_self_checks', anna.userId)).toBe(0);
    const me = await pages.get(decodeEntities(deleted.headers.location as string), jar);
    expect(me.body).toContain('Uw antwoorden op de vraag zijn gewist.');
  });

  it('an objection hides the volunteer from the coordinator at once, and the volunteer sees who looked', async () => {
    const org = await organisation();
    const coordinator = await member(org, 'coordinator', `Coördinator ${randomUUID().slice(0, 6)}`);
    const bauke = await member(org, 'volunteer', `Bauke ${randomUUID().slice(0, 6)}`);
    const [coordinatorJar, baukeJar] = [await pages.logIn(coordinator), await pages.logIn(bauke)];

    const before = await overviewShowing(coordinatorJar, org, bauke.name);
    expect(before).toContain('<svg class="trend"');
    expect(before).toMatch(/<title id="trend-[^"]+-title">[^<]+<\/title>/);

    const me = await pages.get('/my/wellbeing', baukeJar);
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain(coordinator.name);
    expect(me.body).toContain('het overzicht van vrijwilligers');

    const objected = await pages.submit(
      '/my/wellbeing',
      '/my/wellbeing/visibility',
      { organisationId: org, objectToSharing: 'yes' },
      baukeJar,
    );
    expect(objected.statusCode).toBe(303);

    const after = await pages.get(`/coordinator/volunteers?organisationId=${org}`, coordinatorJar);
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain(bauke.name);

    expect(objected.headers.location).toBe('/my/wellbeing?done=objected#sharing');
    const mine = await pages.get('/my/wellbeing?done=objected', baukeJar);
    expect(mine.body).toContain('Uw coördinator ziet vanaf nu niets meer van uw signalen.');
    expect(mine.body).toContain('Weer laten zien');

    // Sharing again brings the volunteer back.
    await pages.submit(
      '/my/wellbeing',
      '/my/wellbeing/visibility',
      { organisationId: org, objectToSharing: 'no' },
      baukeJar,
    );
    expect((await pages.get(`/coordinator/volunteers?organisationId=${org}`, coordinatorJar)).body).toContain(
      bauke.name,
    );

    // A volunteer is no coordinator, and one organisation's coordinator cannot look into another's.
    expect((await pages.get(`/coordinator/volunteers?organisationId=${org}`, baukeJar)).statusCode).toBe(403);
    const other = await member(await organisation(), 'coordinator', 'Coördinator elders');
    const otherJar = await pages.logIn(other);
    expect((await pages.get(`/coordinator/volunteers?organisationId=${org}`, otherJar)).statusCode).toBe(403);
  });

  it('shows each role its own menu link, and names a wrong leave period without storing it', async () => {
    const org = await organisation();
    const coordinator = await member(org, 'coordinator', `Coördinator ${randomUUID().slice(0, 6)}`);
    const wiebe = await member(org, 'volunteer', `Wiebe ${randomUUID().slice(0, 6)}`);
    const [coordinatorJar, wiebeJar] = [await pages.logIn(coordinator), await pages.logIn(wiebe)];

    const volunteerHome = (await pages.get('/', wiebeJar)).body;
    expect(volunteerHome).toContain('href="/my/wellbeing"');
    expect(volunteerHome).not.toContain('href="/coordinator/volunteers"');
    const coordinatorHome = (await pages.get('/', coordinatorJar)).body;
    expect(coordinatorHome).toContain('href="/coordinator/volunteers"');
    expect(coordinatorHome).not.toContain('href="/my/wellbeing"');
    // With one organisation the menu link goes straight to its volunteers.
    const overview = await pages.get('/coordinator/volunteers', coordinatorJar);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Inzet en herstel van uw vrijwilligers');

    const backwards = await pages.submit(
      '/my/wellbeing',
      '/my/wellbeing/leave',
      { from: '2026-08-10', to: '2026-08-01' },
      wiebeJar,
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.body).toContain('href="#field-to"');
    expect(backwards.body).toContain('De einddatum ligt voor de begindatum.');
    expect(backwards.body).toContain('value="2026-08-10"');
    const nonsense = await pages.submit(
      '/my/wellbeing',
      '/my/wellbeing/leave',
      { from: '31-02-2026', to: '' },
      wiebeJar,
    );
    expect(nonsense.statusCode).toBe(422);
    expect(await rows('wellbeing_leave', wiebe.userId)).toBe(0);

    const away = await pages.submit(
      '/my/wellbeing',
      '/my/wellbeing/leave',
      { from: '2026-08-01', to: '2026-08-14' },
      wiebeJar,
    );
    expect(away.statusCode).toBe(303);
    expect(await rows('wellbeing_leave', wiebe.userId)).toBe(1);
  });

  it('a coordinator acknowledges a flag with a note and resolves it; the timeline shows both', async () => {
    const org = await organisation();
    const coordinator = await member(org, 'coordinator', `Coördinator ${randomUUID().slice(0, 6)}`);
    const sjoukje = await member(org, 'volunteer', `Sjoukje ${randomUUID().slice(0, 6)}`);
    const coordinatorJar = await pages.logIn(coordinator);
    await overviewShowing(coordinatorJar, org, sjoukje.name);

    // Four weeks of 20 hours: red for VOL-1, and a flag for the organisation.
    const thisWeek = weekStartOf(new Date());
    for (let week = 3; week >= 0; week--) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/wellbeing/check-ins',
        headers: bearer(sjoukje.token),
        payload: { weekStart: addWeeks(thisWeek, -week), volunteerHours: 20 },
      });
      expect(res.statusCode).toBe(201);
    }

    const overview = await overviewShowing(coordinatorJar, org, sjoukje.name);
    const card = new RegExp(
      `<article class="card" id="volunteer-${sjoukje.userId}"[\\s\\S]*?</article>`,
    ).exec(overview)![0];
    expect(card).toContain('Veel inzet');
    const flagUrl = /href="(\/coordinator\/flags\/[0-9a-f-]{36})"/.exec(card)![1];

    const flag = await pages.get(flagUrl, coordinatorJar);
    expect(flag.statusCode).toBe(200);
    expect(flag.body).toContain(`Melding over ${sjoukje.name}`);
    expect(flag.body).toContain('Melding gemaakt');

    const tooLong = await pages.submit(
      flagUrl,
      `${flagUrl}/acknowledge`,
      { note: 'x'.repeat(2001) },
      coordinatorJar,
    );
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('href="#field-acknowledgeNote"');

    const acknowledged = await pages.submit(
      flagUrl,
      `${flagUrl}/acknowledge`,
      { note: 'Gebeld, ze neemt twee weken rust.' },
      coordinatorJar,
    );
    expect(acknowledged.statusCode).toBe(303);
    const seen = await pages.get(acknowledged.headers.location as string, coordinatorJar);
    expect(seen.body).toContain('Opgeslagen: u hebt de melding gezien.');
    expect(seen.body).toContain('<strong>gezien</strong>');
    expect(seen.body).toContain('Gebeld, ze neemt twee weken rust.');

    const resolved = await pages.submit(
      flagUrl,
      `${flagUrl}/resolve`,
      { note: 'Rooster aangepast.' },
      coordinatorJar,
    );
    expect(resolved.statusCode).toBe(303);
    const closed = await pages.get(resolved.headers.location as string, coordinatorJar);
    expect(closed.body).toContain('<strong>afgesloten</strong>');
    expect(closed.body).toContain('Rooster aangepast.');
    expect(closed.body).not.toContain(`action="${flagUrl}/resolve"`);

    const again = await pages.submit(flagUrl, `${flagUrl}/resolve`, { note: '' }, coordinatorJar);
    expect(again.statusCode).toBe(409);

    // A coordinator elsewhere does not find the flag at all.
    const other = await member(await organisation(), 'coordinator', 'Coördinator elders');
    expect((await pages.get(flagUrl, await pages.logIn(other))).statusCode).toBe(404);
  });
});
