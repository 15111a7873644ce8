import { CertificateService } from '../certificates/certificate.service';
import { CertificatesController } from '../certificates/certificates.controller';
import { CheckinPageController } from '../checkin/checkin-page.controller';
import { CheckinService } from '../checkin/checkin.service';
import { MyTrainingsPageController } from './my-trainings-page.controller';
import { TrainerSessionsPageController } from './trainer-sessions-page.controller';
import { TrainerSessionsQuery } from './trainer-sessions.query';

/** The enrolment context's pages, the certificate API and QR check-in; registered in EnrolmentModule. */
export const ENROLMENT_PAGE_CONTROLLERS = [
  MyTrainingsPageController,
  TrainerSessionsPageController,
  CheckinPageController,
  CertificatesController,
];

export const ENROLMENT_PAGE_PROVIDERS = [CertificateService, CheckinService, TrainerSessionsQuery];
