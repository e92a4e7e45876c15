import { defineJobs } from '@leadpanel/platform';

/** The n-th reminder of a survey assignment not yet completed (AssignmentsService). */
export const SURVEY_REMINDER_JOB = 'surveys.reminder';

/** Responses' jobs: name → payload. */
export interface ResponsesJobs {
  [SURVEY_REMINDER_JOB]: { assignmentId: string; n: number };
}

export const responsesJobs = defineJobs<ResponsesJobs>();
