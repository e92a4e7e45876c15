import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { OutboxDispatcher } from '../outbox/outbox-dispatcher';
import { OutboxService } from '../outbox/outbox.service';
import { RETRY_POLICY } from '../queue/queue.module';
import type { RetryPolicy } from '../queue/retry-policy';
import { createPlatformTestModule, eventually, type PlatformTestContext, uniqueKey } from '../testing';
import { EmailMessageEntity } from './email-message.entity';
import { MailTemplates } from './mail-templates';
import { type MailRequest, MailService } from './mail.service';

const TEMPLATE = 'test-welcome';

describe('mail through the outbox and the queue (integration)', () => {
  let t: PlatformTestContext;
  let ds: DataSource;
  let mail: MailService;

  const address = (label: string): string => `${uniqueKey(label)}@example.test`;
  const row = (id: string): Promise<EmailMessageEntity> => ds.getRepository(EmailMessageEntity).findOneByOrFail({ id });
  const enqueue = async (req: Omit<MailRequest, 'template'>): Promise<string> => {
    const id = await ds.transaction((em) => mail.enqueue(em, { template: TEMPLATE, ...req }));
    t.get(OutboxService).nudge();
    return id;
  };
  /** one more dispatcher pass and time for the queue to run (and retry) whatever it got */
  const settle = async (): Promise<void> => {
    await t.get(OutboxDispatcher).drain();
    await sleep(800);
  };

  beforeAll(async () => {
    t = await createPlatformTestModule();
    ds = t.dataSource;
    mail = t.get(MailService);
    const templates = t.get(MailTemplates);
    templates.register(TEMPLATE, 'en', 'Welcome, {{name}}\n---\nHello {{name}},\n\nYour panel is at {{baseUrl}}/studies.\n');
    templates.register(TEMPLATE, 'fr', 'Bienvenue, {{name}}\n---\nBonjour {{name}},\n\nVotre panel : {{baseUrl}}/studies\n');
  });

  afterAll(async () => {
    await t?.close();
  });

  afterEach(() => t.smtp.refuse(false));

  it('sends an e-mail enqueued in a transaction once, and records it as sent', async () => {
    const to = address('anna');
    const id = await enqueue({ locale: 'fr', to: to.toUpperCase(), data: { name: 'Anna <b>&</b>' } });

    const [received] = await t.smtp.waitFor(to);
    expect(received.subject).toBe('Bienvenue, Anna <b>&</b>');
    expect(received.from).toMatch(/^"?Leadpanel"? <no-reply@localhost>$/); // MAIL_FROM's default
    expect(received.messageId).toBe(`<${id}@leadpanel>`);
    expect(received.text).toContain('Bonjour Anna <b>&</b>,');
    expect(received.text).toContain(`${t.config.http.publicBaseUrl}/studies`);
    expect(received.html).toContain('Bonjour Anna &lt;b&gt;&amp;&lt;/b&gt;,');
    expect(received.html).toContain(`<a href="${t.config.http.publicBaseUrl}/studies">`);

    const sent = await eventually('the e-mail is recorded as sent', async () => {
      const r = await row(id);
      return r.status === 'sent' ? r : undefined;
    });
    expect(sent).toMatchObject({
      template: TEMPLATE,
      locale: 'fr',
      recipient: to,
      attempts: 1,
      lastError: null,
      subject: 'Bienvenue, Anna <b>&</b>',
      messageId: `<${id}@leadpanel>`,
    });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(sent.createdAt.getTime());

    await settle();
    expect(t.smtp.to(to)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('sends nothing and records nothing for a transaction that rolled back', async () => {
    const to = address('rolled-back');
    await expect(
      ds.transaction(async (em) => {
        await mail.enqueue(em, { template: TEMPLATE, locale: 'en', to, data: { name: 'Bo' } });
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');

    const marker = address('marker');
    await enqueue({ locale: 'en', to: marker, data: { name: 'Cy' } });
    await t.smtp.waitFor(marker);
    await settle();
    expect(t.smtp.to(to)).toHaveLength(0);
    expect(await ds.getRepository(EmailMessageEntity).countBy({ recipient: to })).toBe(0);
  });

  it('sends and records one e-mail for a dedupe key enqueued twice', async () => {
    const to = address('dedupe');
    const dedupeKey = `test-welcome:${to}`;
    const first = await enqueue({ locale: 'en', to, data: { name: 'Di' }, dedupeKey });
    expect(await enqueue({ locale: 'en', to, data: { name: 'Di' }, dedupeKey })).toBe(first);
    await t.smtp.waitFor(to);
    await settle();
    expect(t.smtp.to(to)).toHaveLength(1);
    const rows = await ds.getRepository(EmailMessageEntity).findBy({ recipient: to });
    expect(rows.map((r) => [r.id, r.status])).toEqual([[first, 'sent']]);
  });

  it('enqueues many at once: each sent once, ids in order, a taken dedupe key answered with the first e-mail', async () => {
    const [a, b, c] = [address('many-a'), address('many-b'), address('many-c')];
    const taken = await enqueue({ locale: 'en', to: a, data: { name: 'Al' }, dedupeKey: `many:${a}` });
    const ids = await ds.transaction((em) =>
      mail.enqueueMany(em, [
        { template: TEMPLATE, locale: 'en', to: a, data: { name: 'Al' }, dedupeKey: `many:${a}` },
        { template: TEMPLATE, locale: 'fr', to: b, data: { name: 'Bea' }, dedupeKey: `many:${b}` },
        { template: TEMPLATE, locale: 'en', to: c, data: { name: 'Cy' } },
      ]),
    );
    t.get(OutboxService).nudge();
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe(taken);
    expect(new Set(ids).size).toBe(3);
    const [toB] = await t.smtp.waitFor(b);
    expect(toB.subject).toBe('Bienvenue, Bea');
    await t.smtp.waitFor(c);
    await settle();
    for (const to of [a, b, c]) expect(t.smtp.to(to)).toHaveLength(1);
    const rows = await ds.getRepository(EmailMessageEntity).find({ where: [{ recipient: a }, { recipient: b }, { recipient: c }] });
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('refuses an unknown template or data the template lacks in the request itself', async () => {
    await expect(ds.transaction((em) => mail.enqueue(em, { template: 'nope', locale: 'en', to: address('x'), data: {} }))).rejects.toThrow(
      /unknown mail template nope/,
    );
    await expect(
      ds.transaction((em) => mail.enqueue(em, { template: TEMPLATE, locale: 'en', to: address('x'), data: {} })),
    ).rejects.toThrow(/name/);
  });

  it('retries a refused e-mail with backoff, then records it as failed; nothing arrives', async () => {
    const policy = t.get<RetryPolicy>(RETRY_POLICY);
    expect(policy).toEqual({ attempts: 3, backoffMs: 200 });
    t.smtp.refuse(true);
    const to = address('refused');
    const started = Date.now();
    const id = await enqueue({ locale: 'en', to, data: { name: 'Ed' } });

    const failed = await eventually(
      'the e-mail is recorded as failed',
      async () => {
        const r = await row(id);
        return r.status === 'failed' ? r : undefined;
      },
      20_000,
    );
    // 200 ms then 400 ms between the three attempts
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/550|mailbox unavailable/);
    expect(failed.sentAt).toBeNull();

    await settle();
    expect((await row(id)).attempts).toBe(3);
    expect(t.smtp.to(to)).toHaveLength(0);
  });
});
