import { COURSE_CHANGED_V1, type CourseChangedV1, type SessionSnapshot } from '@academy/contracts';
import type { Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { ReplicaCourse } from '../sessions/session.entity';
import { type EnrolmentContext, startEnrolmentContext } from '../testing/enrolment-context';
import { CertificateService } from './certificate.service';

/** A translation that records the keys asked for and writes each message as its key and parameters. */
function recordingT() {
  const asked: string[] = [];
  const t = (key: string, params: Record<string, unknown> = {}) => {
    asked.push(key);
    return [key, ...Object.values(params).map(String)].join(' ');
  };
  return { t, asked };
}

const hexOf = (text: string) => Buffer.from(text, 'latin1').toString('hex');

describeEachDatabase('certificates name the provider', (kind) => {
  let context: EnrolmentContext;

  beforeAll(async () => {
    context = await startEnrolmentContext(kind);
  }, 60_000);
  afterAll(() => context.close());

  const course = (session: SessionSnapshot, changes: Partial<CourseChangedV1>): CourseChangedV1 => ({
    courseId: session.courseId,
    kind: 'workshop',
    title: session.courseTitle,
    summary: 'Voor mantelzorgers die ook aan zichzelf willen denken',
    language: 'nl',
    categorySlug: 'zorg',
    providerId: '0f0e6a43-5a6b-4c3c-9d5e-1f2a3b4c5d6e',
    audiences: [],
    themes: [],
    attendanceThreshold: 75,
    trainerIds: [],
    status: 'published',
    version: 1,
    changedAt: new Date().toISOString(),
    ...changes,
  });

  async function completedEnrolment(session: SessionSnapshot): Promise<{ person: Principal; id: string }> {
    const person = await context.person('volunteer');
    const enrolment = await context.get(EnrolmentsService).enrol(person, { sessionId: session.sessionId });
    await context
      .get(EnrolmentsRepository)
      .markCompleted(enrolment.id, new Date(), context.dataSource.manager);
    return { person, id: enrolment.id };
  }

  it('learns the provider from the course event and prints it under the course title', async () => {
    const session = await context.publishSession();
    await context.deliver(COURSE_CHANGED_V1, course(session, { providerName: 'Humanitas Friesland' }));
    const stored = await context.dataSource
      .getRepository(ReplicaCourse)
      .findOneByOrFail({ id: session.courseId });
    expect(stored.providerName).toBe('Humanitas Friesland');

    const { person, id } = await completedEnrolment(session);
    const { t, asked } = recordingT();
    const certificate = await context
      .get(CertificateService)
      .certificate(person, id, 'nl', t, { compress: false });
    expect(asked).toContain('enrolment.certificate.provider');
    // pdfkit writes standard-font text as hex strings, split where it kerns: look for one word.
    expect(certificate.pdf.toString('latin1').toLowerCase()).toContain(hexOf('Humanitas').toLowerCase());
  });

  it('does without a provider line when the producer sends no name (older v1 events) or there is none', async () => {
    const session = await context.publishSession();
    const older = course(session, { version: 2 });
    delete older.providerName;
    await context.deliver(COURSE_CHANGED_V1, older);
    const stored = await context.dataSource
      .getRepository(ReplicaCourse)
      .findOneByOrFail({ id: session.courseId });
    expect(stored.providerName).toBeNull();

    const { person, id } = await completedEnrolment(session);
    const { t, asked } = recordingT();
    const certificate = await context
      .get(CertificateService)
      .certificate(person, id, 'nl', t, { compress: false });
    expect(certificate.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(asked).not.toContain('enrolment.certificate.provider');
    expect(asked).toContain('enrolment.certificate.meetings');
  });
});
