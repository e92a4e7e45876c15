import { defineJobs } from '@leadpanel/platform';

/** Expires a wave's open invitations at its deadline (InvitationsService). */
export const EXPIRE_WAVE_JOB = 'studies.expire-wave';
/** The n-th reminder to a wave's invitees who have not answered (InvitationsService). */
export const REMIND_WAVE_JOB = 'studies.remind-wave';

/** Studies' jobs: name → payload. */
export interface StudiesJobs {
  [EXPIRE_WAVE_JOB]: { waveId: string };
  [REMIND_WAVE_JOB]: { waveId: string; n: number };
}

export const studiesJobs = defineJobs<StudiesJobs>();
