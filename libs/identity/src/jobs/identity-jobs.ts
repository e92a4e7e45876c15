import { defineJobs } from '@leadpanel/platform';

/** Sends the password reset link to an address, if it has an account (PasswordService). */
export const PASSWORD_RESET_JOB = 'identity.password-reset';
/** Written when a reset proves the address of a panellist who never opened the confirmation link; the panel lets them in. */
export const EMAIL_PROVEN_BY_RESET_JOB = 'identity.email-proven-by-reset';

/** Identity's jobs: name → payload. */
export interface IdentityJobs {
  [PASSWORD_RESET_JOB]: { email: string };
  [EMAIL_PROVEN_BY_RESET_JOB]: { userId: string };
}

export const identityJobs = defineJobs<IdentityJobs>();
