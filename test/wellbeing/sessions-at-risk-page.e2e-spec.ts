import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PageRenderer } from '@academy/web';
import { seedTraining } from '../../libs/enrolment/src/wellbeing/testing/wellbeing-fixtures';
import { bootAcademy, type BootedAcademy, decodeEntities, PageClient } from '../web/support/academy-app';
import { loginToken, newMember, newOrganisation } from '../web/support/people';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("sessions at risk on the coordinator's volunteers page (all-in-one)", () => {
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
  const member = (organisationId: string, role: 'volunteer' | 'coordinator', name: string) =>
    newMember(app, adminToken, organisationId, role, name);

  /** A session in the enrolment context's replica (as the catalogue would announce it), with a place for `userId`. */
  async function sessionWith(
    userId: string,
    options: {
      title: string;
      minimum: number;
      confirmed: number;
      goNoGoDays: number | null;
      firstDays: number;
    },
    attendance: Array<'present' | 'absent'> = [],
  ): Promise<void> {
    const now = Date.now();
    await seedTraining(
      academy.dataSource('enrolment'),
      userId,
      [0, 7, 14, 21].map((d, position) => ({
        startsAt: new Date(now + (options.firstDays + d) * DAY),
        status: attendance[position],
      })),
      {
        title: options.title,
        capacity: 20,
        minimumParticipants: options.minimum,
        goNoGoAt: options.goNoGoDays === null ? null : new Date(now + options.goNoGoDays * DAY),
        confirmed: options.confirmed,
      },
    );
  }

  it('shows a training below its minimum and an interrupted one, in Dutch and English', async () => {
    const org = await newOrganisation(app, adminToken);
    const coordinator = await member(org, 'coordinator', 'Coördinator Sjoukje');
    const anna = await member(org, 'volunteer', `Anna ${randomUUID().slice(0, 6)}`);
    const jar = await pages.logIn(coordinator);
    const url = `/coordinator/volunteers?organisationId=${org}`;

    // Before any session: the section says so.
    for (let i = 0; i < 200; i++) {
      const body = decodeEntities((await pages.get(url, jar)).body);
      if (body.includes(anna.name)) {
        expect(body).toContain('Trainingen die aandacht vragen');
        expect(body).toContain('Er zijn nu geen trainingen die aandacht vragen.');
        break;
      }
      if (i === 199) throw new Error(`${anna.name} never appeared on the overview`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }

    await sessionWith(anna.userId, {
      title: 'Eerste hulp bij ongelukken',
      minimum: 6,
      confirmed: 3,
      goNoGoDays: 5,
      firstDays: 12,
    });
    await sessionWith(
      anna.userId,
      { title: 'Omgaan met verlies', minimum: 2, confirmed: 9, goNoGoDays: null, firstDays: -10 },
      ['absent', 'absent'],
    );

    const shown = await pages.get(url, jar);
    expect(shown.statusCode).toBe(200);
    const nl = decodeEntities(shown.body);
    expect(nl).toContain('Eerste hulp bij ongelukken');
    expect(nl).toContain('3 van de minimaal 6 deelnemers zijn aangemeld');
    expect(nl).toContain('Omgaan met verlies');
    expect(nl).toContain(`${anna.name} miste de laatste 2 bijeenkomsten zonder afmelding.`);
    expect(nl).not.toContain('Er zijn nu geen trainingen die aandacht vragen.');

    const en = decodeEntities((await pages.get(`${url}&lang=en`, jar)).body);
    expect(en).toContain('Trainings that need attention');
    expect(en).toContain('3 of the minimum of 6 participants have enrolled');
    expect(en).toContain(`${anna.name} missed the last 2 meetings without sending apologies.`);
  });
  it('documents sessionsAtRisk on the overview in OpenAPI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>();
    const ok = doc.paths['/api/wellbeing/organisations/{id}/overview']?.get?.responses['200'];
    expect(JSON.stringify(ok)).toContain('#/components/schemas/SessionAtRiskDto');
    expect(Object.keys(doc.components.schemas.SessionAtRiskDto.properties)).toEqual(
      expect.arrayContaining([
        'sessionId',
        'courseTitle',
        'belowMinimum',
        'interrupted',
        'enrolledVolunteers',
      ]),
    );
    expect(doc.components.schemas.BelowMinimumDto).toBeDefined();
    expect(doc.components.schemas.InterruptedVolunteerDto).toBeDefined();
  });
});
