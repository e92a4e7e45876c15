import { defineJobs } from '@leadpanel/platform';

/** Delayed jobs of a round, written to the outbox when it is created (RoundsService), run by RoundNotifications. */
export const ROUND_OPENED_JOB = 'discussions.round-opened';
export const POST_FIRST_REMINDER_JOB = 'discussions.post-first-reminder';

export interface RoundJobPayload {
  roundId: string;
}

/** Discussions' jobs: name → payload. */
export interface DiscussionsJobs {
  [ROUND_OPENED_JOB]: RoundJobPayload;
  [POST_FIRST_REMINDER_JOB]: RoundJobPayload;
}

export const discussionsJobs = defineJobs<DiscussionsJobs>();
