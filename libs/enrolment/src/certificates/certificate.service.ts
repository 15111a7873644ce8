import { Injectable } from '@nestjs/common';
import { notFound, type Principal } from '@academy/platform';
import type { Locale } from '@academy/web';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { ATTENDED } from '../attendance/completion';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import type { Translate } from '../pages/enrolment-pages';
import { longDate } from '../pages/page-time';
import { PeopleRepository } from '../people/people.repository';
import { SessionsRepository } from '../sessions/sessions.repository';
import { certificatePdf, type CertificateOptions, type CertificateText } from './certificate-pdf';

export interface Certificate {
  pdf: Buffer;
  /** A download name without spaces or accents, e.g. `bewijs-van-deelname-grenzen-stellen.pdf`. */
  filename: string;
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/**
 * The certificate of participation of a completed enrolment, for its own person only: anyone else, and any
 * enrolment not completed, gets a 404 (not a 403 that would confirm it exists).
 */
@Injectable()
export class CertificateService {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly sessions: SessionsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly people: PeopleRepository,
  ) {}

  async certificate(
    principal: Principal,
    enrolmentId: string,
    locale: Locale,
    t: Translate,
    options: CertificateOptions = {},
    now = new Date(),
  ): Promise<Certificate> {
    const enrolment = await this.enrolments.findById(enrolmentId);
    if (!enrolment || enrolment.userId !== principal.userId || !enrolment.completedAt) {
      throw notFound('The certificate');
    }
    const session = await this.sessions.findById(enrolment.sessionId);
    if (!session) throw notFound('The certificate');
    const [course, meetings, records, person] = await Promise.all([
      this.sessions.findCourse(session.courseId),
      this.sessions.meetingsOf(session.id),
      this.attendance.forSession(session.id),
      this.people.findById(principal.userId),
    ]);
    const attended = records.filter((r) => r.enrolmentId === enrolment.id && ATTENDED.has(r.status)).length;
    const first = meetings[0]?.startsAt ?? session.firstStartsAt;
    const last = meetings[meetings.length - 1]?.startsAt ?? session.lastEndsAt;
    const from = longDate(first, locale);
    const to = longDate(last, locale);
    const title = course?.title ?? '';
    const text: CertificateText = {
      academy: t('enrolment.certificate.academy'),
      heading: t('enrolment.certificate.heading'),
      intro: t('enrolment.certificate.intro'),
      name: person && !person.erased ? person.displayName : principal.displayName,
      tookPart: t('enrolment.certificate.took-part'),
      courseTitle: title,
      details: [
        ...(course?.providerName
          ? [t('enrolment.certificate.provider', { provider: course.providerName })]
          : []),
        from === to
          ? t('enrolment.certificate.one-day', { date: from })
          : t('enrolment.certificate.dates', { from, to }),
        t('enrolment.certificate.meetings', { attended, total: meetings.length }),
      ],
      issued: t('enrolment.certificate.issued', { date: longDate(now, locale) }),
      title: `${t('enrolment.certificate.heading')} – ${title}`,
    };
    return {
      pdf: await certificatePdf(text, options),
      filename: `${[t('enrolment.certificate.file'), slug(title)].filter(Boolean).join('-')}.pdf`,
    };
  }
}
