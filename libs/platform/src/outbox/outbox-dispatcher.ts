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
}

const LEASE_SECONDS = 120;
const BATCH = 50;

/**
 * Moves due outbox rows to the queue. Rows are claimed with a lease by one
 * statement (FOR UPDATE SKIP LOCKED), so any number of API and worker processes
 * can dispatch side by side; a row is marked dispatched only after the queue
 * accepted it. The job id is the outbox id: a row dispatched twice (crash between
 * add and mark) is still run once.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private lastFailureLog = 0;

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
      RETURNING o.id, o.topic, o.payload`,
      [BATCH, LEASE_SECONDS],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    const claimed: ClaimedRow[] = Array.isArray(rows[0]) ? (rows[0] as ClaimedRow[]) : (rows as ClaimedRow[]);
    if (claimed.length === 0) return 0;
    const dispatched: string[] = [];
    const results = await Promise.allSettled(
      claimed.map(async (row) => {
        await this.queue.add(row.topic, row.payload, { jobId: row.id });
        dispatched.push(row.id);
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
      const failedIds = claimed.map((r) => r.id).filter((id) => !dispatched.includes(id));
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
