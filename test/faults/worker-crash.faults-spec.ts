import { eventually } from '@leadpanel/platform/testing';
import { createUser, loginAdmin, newEmail } from './support/actions';
import { ADMIN, sleep, RESTARTING } from './support/servers';
import { faultsStack } from './support/faults-stack';

/** The lock of the test's workers (QUEUE_LOCK_MS): a dead worker's job is run again within seconds. */
const LOCK_MS = 2_000;

/**
 * A worker is killed (SIGKILL) in the middle of an e-mail job: the SMTP server has the message
 * but has not answered its DATA, so it was not delivered. Another worker takes the job up once
 * its lock has expired, and the e-mail arrives once, recorded as sent once.
 */
describe('worker killed in the middle of a job', () => {
  const f = faultsStack({ label: 'kill' });

  it('runs the job again on another worker: the e-mail arrives once and is recorded as sent once', async () => {
    const s = f.smtp;
    const first = await f.stack.startWorker('worker-1', { QUEUE_LOCK_MS: String(LOCK_MS) });
    await s.waitFor(ADMIN.email); // the admin's account e-mail, created at the API's first start
    const admin = await loginAdmin(f.stack);

    s.hold(true);
    const email = newEmail('researcher');
    expect((await createUser(f.stack, admin, email)).status).toBe(201);
    await s.waitForHeld(1);
    const [row] = await f.db.query<{ id: string; status: string }>(`SELECT id, status FROM email_messages WHERE recipient = $1`, [email]);
    expect(row.status).toBe('queued');

    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // the relay learns of the hang-up a moment after the process is gone: release only then
    await s.waitForHeldSendersGone();
    s.hold(false);
    await sleep(200);
    // the relay never answered: nothing was delivered
    expect(s.to(email)).toEqual([]);

    const second = await f.stack.startWorker('worker-2', { QUEUE_LOCK_MS: String(LOCK_MS) });
    // found stalled once its lock expired, at the worker's first checks: seconds, not the default lock's minute
    const [mail] = await s.waitFor(email, 1, 4 * LOCK_MS + 5_000);
    expect(mail.messageId).toBe(`<${row.id}@leadpanel>`);

    const sent = await eventually(
      'the e-mail is recorded as sent',
      async () => {
        const [r] = await f.db.query<{ status: string; attempts: number; sent_at: Date | null }>(
          `SELECT status, attempts, sent_at FROM email_messages WHERE id = $1`,
          [row.id],
        );
        return r.status === 'sent' ? r : undefined;
      },
      RESTARTING,
    );
    // the killed attempt never got as far as recording anything
    expect(sent.attempts).toBe(1);
    expect(sent.sent_at).toBeInstanceOf(Date);
    await sleep(2 * LOCK_MS + 1_000); // a duplicate would come now
    expect(s.to(email)).toHaveLength(1);
    expect(await f.db.query(`SELECT status FROM email_messages WHERE recipient = $1`, [email])).toEqual([{ status: 'sent' }]);
    expect(await f.db.query(`SELECT status FROM outbox_messages WHERE payload ->> 'emailId' = $1`, [row.id])).toEqual([
      { status: 'dispatched' },
    ]);
    expect(second.alive).toBe(true);
  });
});
