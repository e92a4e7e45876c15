import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AddJobOptions, JOB_QUEUE_NAME, QueueCounts } from './job';
import { JobQueue } from './job-queue';

@Injectable()
export class BullJobQueue extends JobQueue {
  readonly kind = 'bullmq' as const;

  constructor(@InjectQueue(JOB_QUEUE_NAME) private readonly queue: Queue) {
    super();
  }

  async add(name: string, payload: unknown, opts: AddJobOptions): Promise<void> {
    // BullMQ ignores an add whose jobId it still holds: a re-dispatched outbox message is not run twice.
    await this.queue.add(name, payload, { jobId: opts.jobId });
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children');
    return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
  }

  async ping(): Promise<boolean> {
    try {
      const client = await this.queue.getBackend().client;
      // any round trip will do; the producer connection refuses commands at once while Redis is down
      const answer = client.get('leadpanel:ping').then(() => 'up');
      return (await Promise.race([answer, new Promise<string>((r) => setTimeout(() => r('timeout'), 1000).unref())])) === 'up';
    } catch {
      return false;
    }
  }

  /** Removes everything under this queue's prefix (tests only). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}
