import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, type Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { OutboxService } from '../outbox/outbox.service';
import { JOB_QUEUE_NAME } from './job';
import { JobRegistry } from './job-registry';

/**
 * The BullMQ side of the one-codebase-two-entry-points rule: look up the registered processor and
 * run it. When a job has run to its end (done, or failed for good), its outbox message is marked
 * dispatched: until then the outbox keeps it pending under a lease, so a job that Redis loses
 * (a restart without persistence) is dispatched again. Not a @Processor itself: see `bullJobsWorker`.
 */
@Injectable()
export class BullJobsWorker extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BullJobsWorker');

  constructor(
    private readonly registry: JobRegistry,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.queue.concurrency;
    this.worker.on('failed', (job, err) => {
      if (job) this.logger.warn(`job ${job.name} (${job.id}) attempt ${job.attemptsMade} failed: ${err.message}`);
    });
    this.worker.on('error', (err) => this.logger.warn(`worker error: ${err.message}`));
    this.worker.run().catch((err: Error) => this.logger.error(`worker stopped: ${err.message}`));
  }

  /**
   * @nestjs/bullmq closes workers in onApplicationShutdown, possibly after TypeORM closed the pool
   * there: close first, so that active jobs finish with their database (closing again is a no-op).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job): Promise<void> {
    const jobId = job.id ?? '';
    const handler = this.registry.get(job.name);
    if (!handler) {
      const message = `no processor for job "${job.name}"`;
      await this.finished(jobId, message);
      throw new UnrecoverableError(message);
    }
    const ctx = { jobId, attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 };
    try {
      await handler(job.data, ctx);
    } catch (err) {
      if (err instanceof UnrecoverableError || ctx.attempt >= ctx.maxAttempts) await this.finished(jobId, String((err as Error).message));
      throw err;
    }
    await this.finished(jobId, null);
  }

  /** The outcome goes to the outbox; if the database is unreachable, the dispatcher settles it later (the job stays in Redis). */
  private async finished(jobId: string, error: string | null): Promise<void> {
    try {
      await this.outbox.markDone(jobId, error);
    } catch (err) {
      this.logger.warn(`job ${jobId}: could not record its outcome in the outbox: ${(err as Error).message}`);
    }
  }
}

/**
 * The worker class with the configured lock: @nestjs/bullmq reads worker options from the
 * decorator only, and the lock (QUEUE_LOCK_MS) is known at boot. autorun off: the worker starts
 * once every module registered its processors (onModuleInit). A job whose worker died is found
 * stalled once its lock expired, at the next check (every `lockMs`), and run again.
 */
export function bullJobsWorker(config: AppConfig): Type<BullJobsWorker> {
  @Processor(JOB_QUEUE_NAME, { autorun: false, lockDuration: config.queue.lockMs, stalledInterval: config.queue.lockMs })
  class ConfiguredBullJobsWorker extends BullJobsWorker {}
  return ConfiguredBullJobsWorker;
}
