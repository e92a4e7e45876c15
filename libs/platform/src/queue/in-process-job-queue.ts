import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AddJobOptions, QueueCounts } from './job';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { backoffDelay, RetryPolicy } from './retry-policy';

/**
 * Embedded mode: jobs run in this process with the same processors and the same
 * retry policy as BullMQ. `add` resolves when the job has finished (or used up its
 * attempts), so the outbox marks a message dispatched only once its work is done:
 * a crash loses nothing, the message is dispatched again after restart.
 */
export class InProcessJobQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly done = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private failed = 0;
  private closed = false;

  constructor(
    private readonly registry: JobRegistry,
    private readonly policy: RetryPolicy,
  ) {
    super();
  }

  add(name: string, payload: unknown, opts: AddJobOptions): Promise<void> {
    if (this.done.has(opts.jobId)) return Promise.resolve();
    const existing = this.running.get(opts.jobId);
    if (existing) return existing;
    const run = this.run(name, payload, opts.jobId).finally(() => this.running.delete(opts.jobId));
    this.running.set(opts.jobId, run);
    return run;
  }

  private async run(name: string, payload: unknown, jobId: string): Promise<void> {
    const handler = this.registry.get(name);
    if (!handler) {
      this.logger.error(`no processor for job "${name}" (${jobId}); it is dropped`);
      this.failed++;
      return;
    }
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      try {
        await handler(payload, { jobId, attempt, maxAttempts: this.policy.attempts });
        this.remember(jobId);
        return;
      } catch (err) {
        const last = attempt === this.policy.attempts || this.closed;
        this.logger.warn(`job ${name} (${jobId}) attempt ${attempt} failed${last ? ', giving up' : ''}: ${(err as Error).message}`);
        if (last) {
          this.failed++;
          this.remember(jobId);
          return;
        }
        await sleep(backoffDelay(this.policy, attempt));
      }
    }
  }

  private remember(jobId: string): void {
    this.done.add(jobId);
    if (this.done.size > 50_000) {
      const oldest = this.done.values().next().value;
      if (oldest !== undefined) this.done.delete(oldest);
    }
  }

  counts(): Promise<QueueCounts> {
    return Promise.resolve({ waiting: 0, active: this.running.size, delayed: 0, failed: this.failed });
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** `add` resolves when the job has run: whatever it added is done. */
  reconcile(): Promise<'done' | 'queued'> {
    return Promise.resolve('done');
  }

  lostJobs(): Promise<boolean> {
    return Promise.resolve(false);
  }

  async drain(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
  }
}
