import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { BullJobQueue } from './bull-job-queue';
import { bullJobsWorker } from './bull-jobs.worker';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_QUEUE_NAME } from './job';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { RetryPolicy } from './retry-policy';

export const RETRY_POLICY = Symbol('RETRY_POLICY');

/**
 * REDIS_URL set: BullMQ queue (producer everywhere, worker where runWorkers).
 * Unset: the in-process runner. Either way other code sees `JobQueue` and `JobRegistry`.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const policy: RetryPolicy = { attempts: config.env === 'test' ? 3 : 5, backoffMs: config.env === 'test' ? 200 : 2000 };
    const base: Provider[] = [JobRegistry, { provide: RETRY_POLICY, useValue: policy }];
    if (config.queue.redisUrl === null) {
      return {
        module: QueueModule,
        providers: [
          ...base,
          { provide: JobQueue, inject: [JobRegistry], useFactory: (registry: JobRegistry) => new InProcessJobQueue(registry, policy) },
        ],
        exports: [JobRegistry, JobQueue, RETRY_POLICY],
      };
    }
    const url = config.queue.redisUrl;
    const defaultJobOptions = {
      attempts: policy.attempts,
      backoff: { type: 'exponential', delay: policy.backoffMs },
      removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
    return {
      module: QueueModule,
      imports: [
        // the workers' connection: blocking commands, retried for ever, so workers resume by themselves after an outage
        BullModule.forRoot({ connection: { url, maxRetriesPerRequest: null }, prefix: config.queue.prefix }),
        BullModule.registerQueue({ name: JOB_QUEUE_NAME, defaultJobOptions }),
      ],
      providers: [
        ...base,
        { provide: BullJobQueue, useFactory: () => new BullJobQueue({ url, prefix: config.queue.prefix, defaultJobOptions }) },
        { provide: JobQueue, useExisting: BullJobQueue },
        ...(config.queue.runWorkers ? [bullJobsWorker(config)] : []),
      ],
      exports: [JobRegistry, JobQueue, BullJobQueue, RETRY_POLICY],
    };
  }
}
