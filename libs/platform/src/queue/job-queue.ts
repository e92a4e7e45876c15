import { AddJobOptions, QueueCounts } from './job';

/** The producer side of the queue; BullMQ on Redis, or in-process in embedded mode. */
export abstract class JobQueue {
  abstract readonly kind: 'bullmq' | 'in-process';
  abstract add(name: string, payload: unknown, opts: AddJobOptions): Promise<void>;
  abstract counts(): Promise<QueueCounts>;
  /** Resolves true when the queue backend answers. */
  abstract ping(): Promise<boolean>;
}
