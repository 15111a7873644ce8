import type { Locale } from '@academy/web';
import type { Translate } from '../../pages/enrolment-pages';
import { longDate } from '../../pages/page-time';
import type { SessionAtRiskDto } from './sessions-at-risk.dto';

/** The coordinator page's model of the sessions at risk (partial `wellbeing/sessions-at-risk`). */
export function sessionsAtRiskView(sessions: SessionAtRiskDto[], locale: Locale, t: Translate) {
  return sessions.map((session) => ({
    id: session.sessionId,
    title: session.courseTitle,
    starts: t('enrolment.wellbeing-pages.sessions-at-risk.starts', {
      date: longDate(session.startsAt, locale),
    }),
    enrolled: t('enrolment.wellbeing-pages.sessions-at-risk.enrolled', { n: session.enrolledVolunteers }),
    belowMinimum: session.belowMinimum
      ? t('enrolment.wellbeing-pages.sessions-at-risk.below-minimum', {
          confirmed: session.belowMinimum.confirmed,
          minimum: session.belowMinimum.minimum,
          date: longDate(session.belowMinimum.goNoGoAt, locale),
        })
      : undefined,
    interrupted: session.interrupted.map((v) =>
      t('enrolment.wellbeing-pages.sessions-at-risk.interrupted', { name: v.name, n: v.consecutiveMissed }),
    ),
  }));
}
