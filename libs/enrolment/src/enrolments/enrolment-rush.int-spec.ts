import type { EnrolmentPromotedV1, EnrolmentWaitlistedV1 } from '@academy/contracts';
import { DomainError, inTransaction, type Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { EnrolmentSession } from '../sessions/session.entity';
import { type EnrolmentContext, startEnrolmentContext } from '../testing/enrolment-context';
import type { EnrolmentResponse } from './dto/enrolment.response';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';

const ENROLMENT_EVENTS = ['enrolment.enrolment.confirmed.v1', 'enrolment.enrolment.waitlisted.v1'];

describeEachDatabase('the enrolment rush', (kind) => {
  let context: EnrolmentContext;
  let service: EnrolmentsService;

  beforeAll(async () => {
    context = await startEnrolmentContext(kind);
    service = context.get(EnrolmentsService);
  }, 60_000);
  afterAll(() => context.close());

  /** The counters on the session row and the enrolments they count, read in one transaction. */
  async function ledger(sessionId: string) {
    return inTransaction(context.dataSource, async (manager) => {
      const row = await manager.getRepository(EnrolmentSession).findOneByOrFail({ id: sessionId });
      const rows = await manager.getRepository(Enrolment).findBy({ sessionId });
      const count = (status: string) => rows.filter((e) => e.status === status).length;
      return {
        counters: { confirmed: row.confirmed, waitlisted: row.waitlisted, offered: row.offered },
        counted: {
          confirmed: count('confirmed'),
          waitlisted: count('waitlisted'),
          offered: count('offered'),
        },
        positions: rows
          .filter((e) => e.status === 'waitlisted')
          .map((e) => e.waitlistPosition!)
          .sort((a, b) => a - b),
        rows,
      };
    });
  }

  /** Samples the ledger while work runs: the counters must equal the counts at every moment. */
  function watch(sessionId: string): { stop(): Promise<number> } {
    let running = true;
    let samples = 0;
    const loop = (async () => {
      while (running) {
        const { counters, counted } = await ledger(sessionId);
        expect(counters).toEqual(counted);
        samples++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return samples;
      },
    };
  }

  const settle = <T>(work: Promise<T>) =>
    work.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );

  it('gives 500 distinct volunteers exactly 50 seats and a gap-free waitlist, refuses duplicates and promotes in order', async () => {
    const session = await context.publishSession({ capacity: 50 });
    const volunteers: Principal[] = [];
    for (let i = 0; i < 500; i++) volunteers.push(await context.person('volunteer'));
    const doubles = volunteers.filter((_, index) => index % 25 === 0);

    const watcher = watch(session.sessionId);
    const results = await Promise.all([
      ...volunteers.map((v) => settle(service.enrol(v, { sessionId: session.sessionId }))),
      ...doubles.map((v) => settle(service.enrol(v, { sessionId: session.sessionId }))),
    ]);
    expect(await watcher.stop()).toBeGreaterThan(0);

    const ok = results.filter((r) => r.ok).map((r) => (r as { value: EnrolmentResponse }).value);
    const refused = results.filter((r) => !r.ok).map((r) => (r as { error: unknown }).error);
    expect(ok).toHaveLength(500);
    expect(refused).toHaveLength(doubles.length);
    for (const error of refused) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(409);
    }
    expect(new Set(ok.map((e) => e.userId)).size).toBe(500);
    expect(ok.filter((e) => e.status === 'confirmed')).toHaveLength(50);
    const waitlisted = ok.filter((e) => e.status === 'waitlisted');
    expect(waitlisted.map((e) => e.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 450 }, (_, i) => i + 1),
    );

    const after = await ledger(session.sessionId);
    expect(after.counters).toEqual({ confirmed: 50, waitlisted: 450, offered: 0 });
    expect(after.counted).toEqual(after.counters);
    expect(after.rows).toHaveLength(500);
    expect(after.positions).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));

    // Exactly one outbox event per enrolment, telling the same status and place the caller was given.
    const announced = (await context.events<EnrolmentWaitlistedV1>())
      .filter((e) => ENROLMENT_EVENTS.includes(e.type) && e.payload.sessionId === session.sessionId)
      .map((e) => ({ id: e.payload.enrolmentId, type: e.type, position: e.payload.waitlistPosition }));
    expect(announced).toHaveLength(500);
    expect(new Set(announced.map((e) => e.id)).size).toBe(500);
    for (const enrolment of ok) {
      const event = announced.find((e) => e.id === enrolment.id)!;
      expect(event.type).toBe(`enrolment.enrolment.${enrolment.status}.v1`);
      if (enrolment.status === 'waitlisted') expect(event.position).toBe(enrolment.waitlistPosition);
    }
    // One seats-changed event per transaction (a batch of those who came together), versions 1..n in order,
    // the last one telling the final counts.
    const seatEvents = (
      await context.events<{ sessionId: string; version: number; confirmed: number; waitlisted: number }>(
        'enrolment.session.seats-changed.v1',
      )
    ).filter((e) => e.payload.sessionId === session.sessionId);
    expect(seatEvents.length).toBeGreaterThan(0);
    expect(seatEvents.length).toBeLessThanOrEqual(500);
    expect(seatEvents.map((e) => e.payload.version)).toEqual(
      Array.from({ length: seatEvents.length }, (_, i) => i + 1),
    );
    expect(seatEvents.at(-1)!.payload).toMatchObject({ confirmed: 50, waitlisted: 450 });

    // Cancellations during a second rush: freed seats go to the first in line, in order; newcomers queue behind.
    const headOfLine = [...waitlisted].sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    const leaving = ok.filter((e) => e.status === 'confirmed').slice(0, 10);
    const newcomers: Principal[] = [];
    for (let i = 0; i < 100; i++) newcomers.push(await context.person('volunteer'));
    const owners = new Map(volunteers.map((v) => [v.userId, v]));
    const watcher2 = watch(session.sessionId);
    const second = await Promise.all([
      ...newcomers.map((v) => settle(service.enrol(v, { sessionId: session.sessionId }))),
      ...leaving.map((e) => settle(service.cancel(owners.get(e.userId!)!, e.id))),
    ]);
    await watcher2.stop();
    expect(second.every((r) => r.ok)).toBe(true);

    const final = await ledger(session.sessionId);
    expect(final.counters).toEqual({ confirmed: 50, waitlisted: 540, offered: 0 });
    expect(final.counted).toEqual(final.counters);
    expect(final.positions).toEqual(Array.from({ length: 540 }, (_, i) => i + 1));
    const byId = new Map(final.rows.map((row) => [row.id, row]));
    // The ten first in line got the seats, in the order they stood.
    expect(headOfLine.slice(0, 10).map((e) => byId.get(e.id)!.status)).toEqual(Array(10).fill('confirmed'));
    const promoted = (await context.events<EnrolmentPromotedV1>('enrolment.enrolment.promoted.v1'))
      .filter((e) => e.payload.sessionId === session.sessionId)
      .map((e) => e.payload.enrolmentId);
    expect(promoted).toEqual(headOfLine.slice(0, 10).map((e) => e.id));
    // Those behind them kept their order and closed up; the newcomers queue behind them.
    for (const e of headOfLine.slice(10))
      expect(byId.get(e.id)!.waitlistPosition).toBe(e.waitlistPosition! - 10);
    const newcomerPositions = final.rows
      .filter((row) => newcomers.some((v) => v.userId === row.userId))
      .map((row) => row.waitlistPosition!)
      .sort((a, b) => a - b);
    expect(newcomerPositions).toEqual(Array.from({ length: 100 }, (_, i) => 441 + i));
    for (const e of leaving) expect(byId.get(e.id)).toMatchObject({ status: 'cancelled', activeKey: null });
  }, 240_000);
});
