import { eventually } from '@leadpanel/platform/testing';
import { createUser, loginAdmin, metric, newEmail } from './support/actions';
import { sleep, RESTARTING } from './support/servers';
import { faultsStack } from './support/faults-stack';

/**
 * The relay refuses mail (550). The worker retries with backoff (3 attempts in tests), then
 * records the e-mail as failed with the relay's answer. There is no endpoint that lists failed
 * e-mails: an operator sees them in the queue metric (failed jobs), in the worker's log, and
 * in the database (email_messages.status, last_error).
 */
describe('SMTP relay refusing mail', () => {
  const f = faultsStack({ label: 'smtp', worker: {}, adminMail: true });

  it('retries, then records the e-mail as failed, visible in the metrics, the log and the database; nothing arrives', async () => {
    const s = f.smtp;
    const admin = await loginAdmin(f.stack);
    expect(await metric(f.stack, 'leadpanel_queue_jobs{state="failed"}')).toBe(0);

    s.refuse(true);
    const email = newEmail('refused');
    expect((await createUser(f.stack, admin, email)).status).toBe(201);

    const failed = await eventually(
      'the e-mail is recorded as failed',
      async () => {
        const [r] = await f.db.query<{ id: string; status: string; attempts: number; last_error: string; sent_at: Date | null }>(
          `SELECT id, status, attempts, last_error, sent_at FROM email_messages WHERE recipient = $1`,
          [email],
        );
        return r?.status === 'failed' ? r : undefined;
      },
      { ...RESTARTING, timeoutMs: 30_000 },
    );
    expect(failed).toMatchObject({ attempts: 3, sent_at: null });
    expect(failed.last_error).toMatch(/550|mailbox unavailable/);
    const [outbox] = await f.db.query<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM outbox_messages WHERE payload ->> 'emailId' = $1`,
      [failed.id],
    );
    expect(outbox.status).toBe('dispatched');
    expect(outbox.last_error).toMatch(/550|mailbox unavailable/);

    await eventually(
      'the failed job shows in the metrics',
      async () => ((await metric(f.stack, 'leadpanel_queue_jobs{state="failed"}')) === 1 ? true : undefined),
      RESTARTING,
    );
    expect(f.worker.output).toMatch(/job mail\.send \([0-9a-f-]{36}\) attempt 3 failed: [^\n]*(550|mailbox unavailable)/);

    // the relay accepts again: a failed e-mail stays failed (it is not sent late), a new one goes out
    s.refuse(false);
    const later = newEmail('later');
    expect((await createUser(f.stack, admin, later)).status).toBe(201);
    await s.waitFor(later);
    await sleep(1_500);
    expect(s.to(email)).toEqual([]);
    expect(await f.db.query(`SELECT status, attempts FROM email_messages WHERE id = $1`, [failed.id])).toEqual([
      { status: 'failed', attempts: 3 },
    ]);
    expect(f.worker.alive && f.stack.api.alive).toBe(true);
  });
});
