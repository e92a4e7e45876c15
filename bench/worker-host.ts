/**
 * The bench's worker: the worker app's modules (apps/worker, BullMQ on the bench prefix,
 * the same processors) with a no-op mail transport in place of SMTP, in a process of its
 * own, driven by the runner over IPC:
 * - `kick`: the outbox dispatcher makes a pass now (it polls every 500 ms anyway);
 * - `await-sent` {n}: resolves once the transport was handed n e-mails since `reset-sent`;
 * - `run-job` {name, payload}: runs a registered job's processor here, timed (ms);
 * - `memory`: this process's peak resident set (getrusage maxrss) and current RSS, in MB.
 * Environment: the API's (DATABASE_URL, REDIS_URL, QUEUE_PREFIX, JWT_SECRET, …).
 */
import { Test } from '@nestjs/testing';
import { loadConfig, JobRegistry, MailTransport, OutboxDispatcher, type OutgoingMail } from '@leadpanel/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';

class NoopMailTransport extends MailTransport {
  sent = 0;
  private waiter: { n: number; resolve: () => void } | null = null;

  send(_mail: OutgoingMail): Promise<void> {
    this.sent++;
    if (this.waiter && this.sent >= this.waiter.n) {
      this.waiter.resolve();
      this.waiter = null;
    }
    return Promise.resolve();
  }

  until(n: number): Promise<void> {
    if (this.sent >= n) return Promise.resolve();
    return new Promise((resolve) => (this.waiter = { n, resolve }));
  }
}

interface Command {
  id: number;
  cmd: string;
  args: Record<string, unknown>;
}

async function main(): Promise<void> {
  const base = loadConfig(process.env);
  const config = { ...base, queue: { ...base.queue, runWorkers: true } };
  const transport = new NoopMailTransport();
  const app = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
    .overrideProvider(MailTransport)
    .useValue(transport)
    .compile();
  app.useLogger(['error', 'warn']);
  await app.init();

  const handle = async (c: Command): Promise<unknown> => {
    switch (c.cmd) {
      case 'kick':
        app.get(OutboxDispatcher).kick();
        return null;
      case 'reset-sent':
        transport.sent = 0;
        return null;
      case 'await-sent':
        await transport.until(Number(c.args.n));
        return transport.sent;
      case 'run-job': {
        const handler = app.get(JobRegistry).get(String(c.args.name));
        if (!handler) throw new Error(`no processor for ${String(c.args.name)}`);
        const t0 = process.hrtime.bigint();
        await handler(c.args.payload, { jobId: 'bench', attempt: 1, maxAttempts: 1 });
        return { ms: Number(process.hrtime.bigint() - t0) / 1e6 };
      }
      case 'memory':
        return { maxRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage.rss() / 1048576 };
      default:
        throw new Error(`unknown command ${c.cmd}`);
    }
  };
  process.on('message', (c: Command) => {
    handle(c).then(
      (result) => process.send?.({ id: c.id, ok: true, result }),
      (err: unknown) => process.send?.({ id: c.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  const stop = (): void => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send?.({ ready: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench worker failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
