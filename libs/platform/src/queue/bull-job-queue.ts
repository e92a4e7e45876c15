import { randomUUID } from 'node:crypto';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue, type DefaultJobOptions } from 'bullmq';
import { AddJobOptions, JOB_QUEUE_NAME, QueueCounts } from './job';
import { JobQueue } from './job-queue';

export interface BullProducerOptions {
  url: string;
  prefix: string;
  defaultJobOptions: DefaultJobOptions;
}

/**
 * The producer. Its own connection fails fast while Redis is down (no offline
 * queue), so the outbox keeps the message and dispatches it again later, instead
 * of a request or the dispatcher hanging on Redis.
 */
@Injectable()
export class BullJobQueue extends JobQueue implements OnApplicationShutdown {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue;
  private readonly markerKey: string;
  private markerSet = false;

  constructor(opts: BullProducerOptions) {
    super();
    this.queue = new Queue(JOB_QUEUE_NAME, {
      connection: { url: opts.url, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 },
      prefix: opts.prefix,
      defaultJobOptions: opts.defaultJobOptions,
    });
    // connection errors surface as failed adds and pings; without a listener they would be thrown
    this.queue.on('error', () => undefined);
    this.markerKey = `${opts.prefix}:leadpanel:alive:${randomUUID()}`;
  }

  async add(name: string, payload: unknown, opts: AddJobOptions): Promise<void> {
    // BullMQ ignores an add whose jobId it still holds: a re-dispatched outbox message is not run twice.
    await this.queue.add(name, payload, { jobId: opts.jobId });
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
    return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
  }

  async ping(): Promise<boolean> {
    try {
      const client = await this.queue.getBackend().client;
      // any round trip will do; this connection refuses commands at once while Redis is down
      const answer = client.get('leadpanel:ping').then(() => 'up');
      return (await Promise.race([answer, new Promise<string>((r) => setTimeout(() => r('timeout'), 1000).unref())])) === 'up';
    } catch {
      return false;
    }
  }

  async reconcile(jobId: string): Promise<'done' | 'queued'> {
    const state = await this.queue.getJobState(jobId);
    if (state === 'completed') return 'done';
    if (state === 'failed') {
      // failed for good, but the worker could not record it (database down) or never ran its last
      // attempt (stalled too often): one more attempt, which records its outcome
      const job = await this.queue.getJob(jobId);
      await job?.retry('failed');
    }
    return 'queued';
  }

  /**
   * A marker key of this process lives as long as Redis keeps its data (refreshed at every call,
   * it expires only after the process is gone). Redis without persistence comes back from a
   * restart empty, every waiting, delayed and retrying job gone: the marker is gone too.
   */
  async lostJobs(): Promise<boolean> {
    const client = await this.queue.getBackend().client;
    const present = (await client.get(this.markerKey)) !== null;
    await client.set(this.markerKey, String(Date.now()), { EX: 3600 });
    const lost = this.markerSet && !present;
    this.markerSet = true;
    return lost;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
