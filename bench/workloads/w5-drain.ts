/**
 * 5. The e-mail pipeline drained: 10,000 queued e-mails with their outbox messages, made due
 * at once; the bench worker (the worker app's modules, default concurrency, no-op mail
 * transport) dispatches them to BullMQ and runs every `mail.send` job (load the e-mail,
 * render its template, hand it to the transport, mark it sent). Timed from "due" until the
 * last e-mail is marked sent: jobs/s. Baseline: raw LPUSH throughput of the same 10,000
 * payloads into a Redis list, redis-benchmark style (50 connections, one command in flight
 * on each, no pipelining).
 */
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { msSince } from '../lib/stats';
import type { IpcChild } from '../lib/proc';
import type { BenchContext, Workload } from '../lib/workload';

const count = (ctx: BenchContext) => (ctx.smoke ? 200 : 10_000);
const LPUSH_CONNECTIONS = 50;
let worker: IpcChild | null = null;
let batch: { emails: string[]; outbox: string[] } = { emails: [], outbox: [] };
let redis: Redis[] = [];

/** Untimed: N queued e-mails and their (not yet due) outbox messages, as MailService.enqueue writes them. */
async function prepare(ctx: BenchContext): Promise<void> {
  const rows = (
    await ctx.pg.query(
      `WITH people AS (
         SELECT p.id, p.locale, p.display_name, u.email FROM panellists p JOIN users u ON u.id = p.id
          WHERE p.status = 'active' ORDER BY p.id LIMIT $1),
       mail AS (
         INSERT INTO email_messages (template, locale, recipient, user_id, data, status)
         SELECT 'study-invitation', locale, email, id,
                jsonb_build_object('displayName', display_name, 'studyTitle', 'E-bike commuting diaries', 'theme', 'lead users at home',
                                   'expiresOn', '2030-01-01', 'invitationsUrl', 'http://localhost:3000/me/invitations'), 'queued'
           FROM people RETURNING id, user_id),
       box AS (
         INSERT INTO outbox_messages (topic, payload, available_at, subject_id)
         SELECT 'mail.send', jsonb_build_object('emailId', id), now() + interval '1 day', user_id FROM mail RETURNING id, payload)
       SELECT id AS outbox_id, payload ->> 'emailId' AS email_id FROM box`,
      [count(ctx)],
    )
  ).rows as Array<{ outbox_id: string; email_id: string }>;
  batch = { emails: rows.map((r) => r.email_id), outbox: rows.map((r) => r.outbox_id) };
}

export const drain: Workload = {
  id: 5,
  name: 'outbox → queue → e-mail job drain vs raw LPUSH',
  unit: 'jobs/s',
  better: 'higher',
  target: { ratio: 0.2, text: '≥ 0.2' },
  describe: (ctx) => ({
    workload: `${count(ctx).toLocaleString('en')} due mail.send outbox messages dispatched to BullMQ and run by the bench worker (no-op transport) until every e-mail is sent`,
    baseline: `${count(ctx).toLocaleString('en')} LPUSH of the same payloads, ${LPUSH_CONNECTIONS} connections, one command in flight each (redis-benchmark style)`,
  }),
  async setup(ctx) {
    worker = await ctx.startWorker({ dispatch: true });
    redis = Array.from(
      { length: LPUSH_CONNECTIONS },
      () => new Redis(ctx.env.redisUrl, { lazyConnect: true, enableAutoPipelining: false }),
    );
    await Promise.all(redis.map((r) => r.connect()));
  },
  async warmup(ctx) {
    await this.workload(ctx, 0);
    await this.reset!(ctx);
  },
  async workload(ctx) {
    await prepare(ctx);
    await worker!.call('reset-sent');
    const t0 = process.hrtime.bigint();
    await ctx.pg.query(`UPDATE outbox_messages SET available_at = now() WHERE id = ANY($1::uuid[])`, [batch.outbox]);
    await worker!.call('kick');
    await worker!.call('await-sent', { n: batch.emails.length });
    // sent to the transport; the job marks the e-mail sent right after
    for (;;) {
      const [{ n }] = (
        await ctx.pg.query(`SELECT count(*)::int AS n FROM email_messages WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [batch.emails])
      ).rows as Array<{ n: number }>;
      if (n === batch.emails.length) break;
      await sleep(5);
    }
    return batch.emails.length / (msSince(t0) / 1000);
  },
  async baseline(ctx) {
    const key = `${ctx.env.queuePrefix}:bench:lpush`;
    const payloads = Array.from({ length: count(ctx) }, (_, i) =>
      JSON.stringify({ emailId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
    );
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      redis.map(async (r) => {
        while (next < payloads.length) await r.lpush(key, payloads[next++]);
      }),
    );
    const ops = payloads.length / (msSince(t0) / 1000);
    await redis[0].del(key);
    return ops;
  },
  async reset(ctx) {
    if (batch.outbox.length === 0) return;
    await ctx.pg.query('DELETE FROM outbox_messages WHERE id = ANY($1::uuid[])', [batch.outbox]);
    await ctx.pg.query('DELETE FROM email_messages WHERE id = ANY($1::uuid[])', [batch.emails]);
    await ctx.pg.query('VACUUM (ANALYZE) outbox_messages, email_messages');
    batch = { emails: [], outbox: [] };
  },
  async teardown() {
    await Promise.all(redis.map((r) => r.quit().catch(() => undefined)));
    redis = [];
  },
};
