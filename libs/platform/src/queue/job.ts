/** What a processor knows about the run it is in. */
export interface JobContext {
  jobId: string;
  /** 1-based attempt number */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler<P = unknown> = (payload: P, ctx: JobContext) => Promise<void>;

export interface AddJobOptions {
  /** Stable id: the same id is never run twice while the queue remembers it. */
  jobId: string;
}

export const JOB_QUEUE_NAME = 'jobs';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}
