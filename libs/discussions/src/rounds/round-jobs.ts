/** Delayed jobs of a round, written to the outbox when it is created; payload `{roundId}`. */
export const ROUND_OPENED_JOB = 'discussions.round-opened';
export const POST_FIRST_REMINDER_JOB = 'discussions.post-first-reminder';

export interface RoundJobPayload {
  roundId: string;
}
