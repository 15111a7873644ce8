import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describeDistributed } from '@academy/platform/testing/test-databases';
import {
  bearer,
  bootAcademy,
  bootEnrolmentService,
  type BootedEnrolment,
  eventually,
  type Person,
} from '../enrolment/support/enrolment-app';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; messages: string[] }>;
}
interface Signal {
  code: string;
  level: string;
  value: number | null;
  threshold: number | null;
  explanation: {
    title: string;
    whatWeSee: string;
    whyWeLook: string;
    whatItIsNot: string;
    whatYouCanDo: string;
  };
}
interface Assessment {
  level: string;
  signals: Signal[];
}
interface OverviewItem {
  volunteerId: string;
  level: string | null;
  signals: Signal[];
  trend: Array<{ weekStart: string; level: string | null }>;
  selfCheck: { band: string; instrument: string; takenAt: string } | null;
}

/** The four Mondays up to this week (Europe/Amsterdam), oldest first. */
function lastFourMondays(): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const today = Date.parse(`${parts}T00:00:00Z`);
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * 86_400_000;
  return [3, 2, 1, 0].map((w) => new Date(monday - w * 7 * 86_400_000).toISOString().slice(0, 10));
}

function wellbeingApi(boot: () => Promise<BootedEnrolment>) {
  let booted: BootedEnrolment;
  let organisationId: string;
  let admin: string;
  let coordinator: Person;
  let stranger: Person;

  beforeAll(async () => {
    booted = await boot();
    ({ id: organisationId, admin } = await booted.organisation());
    coordinator = await booted.person(organisationId, 'coordinator', admin);
    const other = await booted.organisation();
    stranger = await booted.person(other.id, 'coordinator', other.admin);
  }, 120_000);
  afterAll(() => booted.close());

  const send = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: object | string,
    contentType?: string,
  ) =>
    booted.call({
      method,
      url,
      payload,
      headers: { ...bearer(token), ...(contentType ? { 'content-type': contentType } : {}) },
    });
  const problem = (res: LightMyRequestResponse) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.json<Problem>();
  };

  /** A volunteer of the organisation, once the enrolment context knows them (replicated from identity). */
  async function volunteer(): Promise<Person> {
    const person = await booted.person(organisationId, 'volunteer', admin);
    await eventually(
      async () =>
        (
          await booted.enrolmentDb.query<unknown[]>(
            'SELECT 1 AS x FROM enrolment_memberships WHERE user_id = ?',
            [person.id],
          )
        ).length
          ? true
          : undefined,
      'the volunteer in the people replica',
    );
    return person;
  }

  async function heavy(person: Person): Promise<Assessment> {
    let last: LightMyRequestResponse | undefined;
    for (const weekStart of lastFourMondays()) {
      last = await send('POST', '/api/wellbeing/check-ins', person.token, { weekStart, volunteerHours: 20 });
      expect(last.statusCode).toBe(201);
    }
    return last!.json<Assessment>();
  }

  const overview = async (token: string) => {
    const res = await send(
      'GET',
      `/api/wellbeing/organisations/${organisationId}/overview?pageSize=100`,
      token,
    );
    expect(res.statusCode).toBe(200);
    return res.json<{ items: OverviewItem[]; total: number; counts: unknown; sessionsAtRisk: unknown[] }>();
  };

  it('a volunteer with 4 weeks of 20 h is red with VOL-1 explained; their coordinator sees it, another gets 403; every view is audited', async () => {
    const anna = await volunteer();
    const assessment = await heavy(anna);
    expect(assessment.level).toBe('red');
    const vol1 = assessment.signals.find((s) => s.code === 'VOL-1')!;
    expect(vol1).toMatchObject({ level: 'red', value: 20, threshold: 16 });
    expect(vol1.explanation.whatWeSee).toMatch(/20/);
    expect(vol1.explanation.whyWeLook).not.toBe('');

    const mine = await send('GET', '/api/wellbeing/me', anna.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<Assessment & { history: unknown[]; recommendedCourses: unknown[] }>()).toMatchObject({
      level: 'red',
      history: expect.any(Array),
      recommendedCourses: expect.any(Array),
    });

    const shown = await overview(coordinator.token);
    // No session of this organisation is below its minimum or interrupted: nothing at risk, over HTTP too.
    expect(shown.sessionsAtRisk).toEqual([]);
    const seen = shown.items.find((v) => v.volunteerId === anna.id)!;
    expect(seen.level).toBe('red');
    expect(seen.signals.map((s) => s.code)).toContain('VOL-1');
    expect(seen.trend.at(-1)!.level).toBe('red');

    const refused = await send(
      'GET',
      `/api/wellbeing/organisations/${organisationId}/overview`,
      stranger.token,
    );
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe('auth.forbidden');
    const volunteerTries = await send(
      'GET',
      `/api/wellbeing/organisations/${organisationId}/overview`,
      anna.token,
    );
    expect(volunteerTries.statusCode).toBe(403);

    const audit = await send('GET', '/api/wellbeing/me/audit', anna.token);
    expect(audit.statusCode).toBe(200);
    expect(audit.json<{ items: Array<{ what: string; organisationId: string }> }>().items).toEqual([
      expect.objectContaining({ what: 'overview', organisationId }),
    ]);
  });

  it('shows a shared self-check band to the coordinator, never an unshared one; the volunteer can delete theirs', async () => {
    const [sharer, keeper] = [await volunteer(), await volunteer()];
    const shared = await send('POST', '/api/wellbeing/self-checks', sharer.token, {
      instrument: 'single-item',
      answer: 4,
      share: true,
    });
    expect(shared.statusCode).toBe(201);
    expect(shared.json()).toEqual({ band: 'red' });
    const kept = await send('POST', '/api/wellbeing/self-checks', keeper.token, {
      instrument: 'single-item',
      answer: 3,
    });
    expect(kept.json()).toEqual({ band: 'amber' });

    const items = (await overview(coordinator.token)).items;
    expect(items.find((v) => v.volunteerId === sharer.id)!.selfCheck).toMatchObject({
      band: 'red',
      instrument: 'single-item',
    });
    expect(items.find((v) => v.volunteerId === keeper.id)!.selfCheck).toBeNull();
    // A red self-check tells nobody.
    expect(
      (await booted.events('enrolment.wellbeing-flag.raised.v1')).some(
        (e) => (e.payload as { volunteerId: string }).volunteerId === sharer.id,
      ),
    ).toBe(false);

    const deleted = await send('DELETE', '/api/wellbeing/self-checks', sharer.token);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ deleted: 1 });
    expect(
      (await overview(coordinator.token)).items.find((v) => v.volunteerId === sharer.id)!.selfCheck,
    ).toBeNull();
  });

  it('raises a flag the coordinator acknowledges and resolves; another organisation gets 404; the outbox tells notification', async () => {
    const bob = await volunteer();
    await heavy(bob);
    const list = await send(
      'GET',
      `/api/wellbeing/flags?organisationId=${organisationId}&status=open`,
      coordinator.token,
    );
    expect(list.statusCode).toBe(200);
    const flag = list
      .json<{ items: Array<{ id: string; volunteerId: string; level: string }> }>()
      .items.find((f) => f.volunteerId === bob.id)!;
    expect(flag.level).toBe('red');
    expect(
      (await send('GET', `/api/wellbeing/flags?organisationId=${organisationId}`, stranger.token)).statusCode,
    ).toBe(403);
    const foreign = await send('POST', `/api/wellbeing/flags/${flag.id}/acknowledge`, stranger.token, {
      note: 'x',
    });
    expect(foreign.statusCode).toBe(404);

    const ack = await send('POST', `/api/wellbeing/flags/${flag.id}/acknowledge`, coordinator.token, {
      note: 'Koffie gedronken, gaat goed.',
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged' });
    const resolved = await send('POST', `/api/wellbeing/flags/${flag.id}/resolve`, coordinator.token, {
      note: 'Rooster aangepast.',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json<{ status: string; timeline: Array<{ kind: string }> }>()).toMatchObject({
      status: 'resolved',
      timeline: expect.arrayContaining([
        expect.objectContaining({ kind: 'raised' }),
        expect.objectContaining({ kind: 'acknowledged' }),
        expect.objectContaining({ kind: 'resolved' }),
      ]),
    });
    const raised = await booted.events<{ flagId: string; notifyNow: boolean }>(
      'enrolment.wellbeing-flag.raised.v1',
    );
    expect(raised.some((e) => e.payload.flagId === flag.id && e.payload.notifyNow)).toBe(true);
    const closed = await booted.events<{ flagId: string; reason: string }>(
      'enrolment.wellbeing-flag.closed.v1',
    );
    expect(closed.filter((e) => e.payload.flagId === flag.id).map((e) => e.payload.reason)).toEqual([
      'resolved',
    ]);
    expect((await send('GET', `/api/wellbeing/flags/not-a-uuid`, coordinator.token)).statusCode).toBe(404);
  });

  it('after the volunteer objects, the coordinator sees nothing of them', async () => {
    const carla = await volunteer();
    await heavy(carla);
    expect((await overview(coordinator.token)).items.some((v) => v.volunteerId === carla.id)).toBe(true);
    const objected = await send('PUT', '/api/wellbeing/visibility', carla.token, {
      organisationId,
      objectToSharing: true,
    });
    expect(objected.statusCode).toBe(200);
    expect(objected.json()).toMatchObject({ objectToSharing: true, flagsWithdrawn: 1 });
    expect((await overview(coordinator.token)).items.some((v) => v.volunteerId === carla.id)).toBe(false);
    const flags = await send(
      'GET',
      `/api/wellbeing/flags?organisationId=${organisationId}`,
      coordinator.token,
    );
    expect(
      flags.json<{ items: Array<{ volunteerId: string }> }>().items.some((f) => f.volunteerId === carla.id),
    ).toBe(false);
    const sharing = await booted.events<{ volunteerId: string }>('enrolment.wellbeing-sharing.changed.v1');
    expect(sharing.some((e) => e.payload.volunteerId === carla.id)).toBe(true);
  });

  it('imports duties from CSV with a report per row: valid rows stored, invalid ones named', async () => {
    const dirk = await volunteer();
    const today = lastFourMondays()[3];
    const csv = [
      'date,startsAt,endsAt,role',
      `${today},09:00,12:00,Maatje`,
      `2026-02-30,09:00,12:00,Maatje`,
      `${today},25:00,12:00,`,
      `${today},13:00,15:30,Chauffeur`,
    ].join('\n');
    const res = await send('POST', '/api/wellbeing/duties/import', dirk.token, csv, 'text/csv');
    expect(res.statusCode).toBe(201);
    const report = res.json<{
      stored: number;
      rejected: number;
      rows: Array<{ row: number; ok: boolean; errors?: Array<{ field: string }> }>;
    }>();
    expect(report.stored).toBe(2);
    expect(report.rejected).toBe(2);
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, true],
    ]);
    expect(report.rows[1].errors![0].field).toBe('date');
    expect(report.rows[2].errors![0].field).toBe('startsAt');
    const [{ n }] = await booted.enrolmentDb.query<Array<{ n: number | string }>>(
      'SELECT COUNT(*) AS n FROM wellbeing_duties WHERE volunteer_id = ?',
      [dirk.id],
    );
    expect(Number(n)).toBe(2);

    const badHeader = await send(
      'POST',
      '/api/wellbeing/duties/import',
      dirk.token,
      'when,hours\n2026-01-01,3',
      'text/csv',
    );
    expect(badHeader.statusCode).toBe(422);
    expect(problem(badHeader).errors![0].field).toBe('header');
  });

  it('lets a coordinator log a duty for a volunteer of their organisation only', async () => {
    const eva = await volunteer();
    const today = lastFourMondays()[3];
    const duty = { date: today, startsAt: '08:00', endsAt: '10:00', volunteerId: eva.id };
    const logged = await send('POST', '/api/wellbeing/duties', coordinator.token, duty);
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ volunteerId: eva.id, hours: 2 });
    expect((await send('POST', '/api/wellbeing/duties', stranger.token, duty)).statusCode).toBe(404);
    const other = await volunteer();
    expect((await send('POST', '/api/wellbeing/duties', other.token, duty)).statusCode).toBe(403);
  });

  it('answers bad input with a 400 or 422 problem naming the field, and changes nothing', async () => {
    const fenna = await volunteer();
    const cases: Array<[string, string, object, number, string]> = [
      ['POST', '/api/wellbeing/check-ins', { volunteerHours: 169 }, 400, 'volunteerHours'],
      ['POST', '/api/wellbeing/check-ins', { volunteerHours: 'veel' }, 400, 'volunteerHours'],
      [
        'POST',
        '/api/wellbeing/check-ins',
        {
          weekStart: lastFourMondays()[3].replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, '0')),
          volunteerHours: 3,
        },
        400,
        'weekStart',
      ],
      [
        'POST',
        '/api/wellbeing/check-ins',
        { volunteerHours: 3, caring: { hoursBand: 'veel', durationBand: '>=3m' } },
        400,
        'caring.hoursBand',
      ],
      ['POST', '/api/wellbeing/check-ins', { volunteerHours: 3, score: 5 }, 400, 'score'],
      ['POST', '/api/wellbeing/self-checks', { instrument: 'single-item', answer: 9 }, 400, 'answer'],
      ['POST', '/api/wellbeing/leave', { from: '2026-12-20', to: '2026-12-01' }, 422, 'to'],
      [
        'POST',
        '/api/wellbeing/duties',
        { date: '2026-11-02', startsAt: '9 uur', endsAt: '10:00' },
        400,
        'startsAt',
      ],
      [
        'PUT',
        '/api/wellbeing/visibility',
        { organisationId: 'abc', objectToSharing: true },
        400,
        'organisationId',
      ],
      [
        'POST',
        '/api/wellbeing/flags/00000000-0000-4000-8000-000000000000/resolve',
        { note: '' },
        400,
        'note',
      ],
    ];
    for (const [method, url, payload, status, field] of cases) {
      const res = await send(method as 'POST', url, fenna.token, payload);
      expect([url, res.statusCode]).toEqual([url, status]);
      expect(problem(res).errors!.map((e) => e.field)).toContain(field);
    }
    const [{ n }] = await booted.enrolmentDb.query<Array<{ n: number | string }>>(
      'SELECT COUNT(*) AS n FROM wellbeing_check_ins WHERE volunteer_id = ?',
      [fenna.id],
    );
    expect(Number(n)).toBe(0);
    expect((await booted.call({ method: 'GET', url: '/api/wellbeing/me' })).statusCode).toBe(401);
  });
}

describe('load signals over HTTP — the all-in-one (SQLite, in-process bus)', () => {
  wellbeingApi(() => bootAcademy());
});

describeDistributed('load signals over HTTP — the enrolment service (MariaDB, BullMQ on Redis)', () => {
  wellbeingApi(() => bootEnrolmentService(`test-wellbeing-${randomBytes(4).toString('hex')}`));
});
