import { AddJobOptions, QueueCounts } from './job';

/** The producer side of the queue; BullMQ on Redis, or in-process in embedded mode. */
export abstract class JobQueue {
  abstract readonly kind: 'bullmq' | 'in-process';
  abstract add(name: string, payload: unknown, opts: AddJobOptions): Promise<void>;
  abstract counts(): Promise<QueueCounts>;
  /** Resolves true when the queue backend answers. */
  abstract ping(): Promise<boolean>;
  /**
   * For a job added again under an id the queue may already hold (an outbox message dispatched
   * again): 'done' when it has already run to its end, else 'queued' (waiting, running, or just
   * added). BullMQ retries a job that failed for good without its outcome reaching the outbox.
   */
  abstract reconcile(jobId: string): Promise<'done' | 'queued'>;
  /** True when the backend lost the jobs it held since the last call (Redis restarted empty, flushed). */
  abstract lostJobs(): Promise<boolean>;
}
