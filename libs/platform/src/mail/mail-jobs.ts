import { defineJobs } from '../queue/jobs';

/** Renders and sends one recorded e-mail (MailService); idempotent. */
export const MAIL_SEND_JOB = 'mail.send';

/** Platform's jobs: name → payload. */
export interface PlatformJobs {
  [MAIL_SEND_JOB]: { emailId: string };
}

export const platformJobs = defineJobs<PlatformJobs>();
