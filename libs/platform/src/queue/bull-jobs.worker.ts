import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JOB_QUEUE_NAME } from './job';
import { JobRegistry } from './job-registry';

/** The BullMQ side of the one-codebase-two-entry-points rule: look up the registered processor and run it. */
// autorun off: the worker starts once every module registered its processors (onModuleInit)
@Processor(JOB_QUEUE_NAME, { autorun: false })
export class BullJobsWorker extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BullJobsWorker');

  constructor(
    private readonly registry: JobRegistry,
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
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no processor for job "${job.name}"`);
    await handler(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
  }
}
