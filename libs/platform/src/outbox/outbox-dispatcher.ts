import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobQueue } from '../queue/job-queue';
import { OutboxService } from './outbox.service';

interface ClaimedRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  dispatch_attempts: number;
}

const LEASE_SECONDS = 120;
const BATCH = 50;

/**
 * Moves due outbox rows to the queue. Rows are claimed with a lease (FOR UPDATE SKIP
 * LOCKED), so any number of API and worker processes can dispatch side by side. When the
 * lease runs out the row is handed over again: the job id is the outbox id, so a job the
 * queue still holds is not run twice, while a job Redis lost (a restart without
 * persistence) is added anew.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private lastFailureLog = 0;
  private lastLossCheck = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.queue.dispatchOutbox) return;
    this.stopped = false;
    this.outbox.onNudge(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.env === 'test' ? 100 : 500);
    this.timer.unref();
    this.kick();
  }

  /**
   * Stops before the pools close: TypeORM closes its pool in onApplicationShutdown, which would
   * cut the pass in progress (and the in-process job it runs) off from the database half-way.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Starts a pass unless one runs; if one runs, it goes round again. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Dispatches everything due now; resolves when done (used by tests and the CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dispatchBatch();
      total += n;
      if (n === 0) return total;
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.recoverLostJobs();
        while (!this.stopped && (await this.dispatchBatch()) === BATCH) {
          /* keep going while full batches come back */
        }
      } catch (err) {
        const now = Date.now();
        if (now - this.lastFailureLog > 10_000) {
          this.lastFailureLog = now;
          this.logger.warn(`outbox dispatch paused: ${(err as Error).message}`);
        }
      }
    } while (this.again && !this.stopped);
  }

  /** At most once a second: if the queue lost what it held, every message it held is handed over again now. */
  private async recoverLostJobs(): Promise<void> {
    if (this.queue.kind !== 'bullmq' || Date.now() - this.lastLossCheck < 1000) return;
    this.lastLossCheck = Date.now();
    if (!(await this.queue.lostJobs())) return;
    const released = (await this.dataSource.query(
      `UPDATE outbox_messages SET lease_until = NULL WHERE status = 'pending' AND lease_until > now() RETURNING id`,
    )) as [unknown[], number] | unknown[];
    const n = Array.isArray(released[0]) ? released[0].length : released.length;
    this.logger.warn(`the queue lost its jobs (Redis restarted empty?): ${n} message(s) it held are dispatched again`);
  }

  private async dispatchBatch(): Promise<number> {
    const rows = (await this.dataSource.query(
      `UPDATE outbox_messages o
          SET lease_until = now() + make_interval(secs => $2), dispatch_attempts = o.dispatch_attempts + 1
        WHERE o.id IN (SELECT id FROM outbox_messages
                        WHERE status = 'pending' AND available_at <= now()
                          AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY available_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.topic, o.payload, o.dispatch_attempts`,
      [BATCH, LEASE_SECONDS],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    const claimed: ClaimedRow[] = Array.isArray(rows[0]) ? (rows[0] as ClaimedRow[]) : (rows as ClaimedRow[]);
    if (claimed.length === 0) return 0;
    const added: string[] = [];
    const dispatched: string[] = [];
    const results = await Promise.allSettled(
      claimed.map(async (row) => {
        await this.queue.add(row.topic, row.payload, { jobId: row.id });
        added.push(row.id);
        // in-process: run by now; BullMQ: the worker marks it, unless the queue had already run it (handed over again)
        const done = this.queue.kind === 'in-process' || (row.dispatch_attempts > 1 && (await this.queue.reconcile(row.id)) === 'done');
        if (done) dispatched.push(row.id);
      }),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (dispatched.length > 0) {
      await this.dataSource.query(
        `UPDATE outbox_messages SET status = 'dispatched', dispatched_at = now(), lease_until = NULL, last_error = NULL WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
        [dispatched],
      );
    }
    if (failures.length > 0) {
      const message = String((failures[0].reason as Error)?.message ?? failures[0].reason);
      const failedIds = claimed.map((r) => r.id).filter((id) => !added.includes(id));
      // release the lease soon so the rows are retried once the queue is back
      await this.dataSource.query(
        `UPDATE outbox_messages SET last_error = $2, lease_until = now() + interval '1 second' WHERE id = ANY($1::uuid[])`,
        [failedIds, message.slice(0, 1000)],
      );
      throw new Error(`queue refused ${failures.length} message(s): ${message}`);
    }
    return claimed.length;
  }
}
