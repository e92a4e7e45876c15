import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, UpdateQueryBuilder } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { bulkInsert } from '../database/bulk-insert';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxService } from '../outbox/outbox.service';
import { JobContext } from '../queue/job';
import { JobRegistry } from '../queue/job-registry';
import { EmailMessageEntity } from './email-message.entity';
import { Locale, MailTemplates } from './mail-templates';
import { MAIL_SEND_JOB, platformJobs } from './mail-jobs';
import { MailTransport } from './mail-transport';

/** E-mails per statement in `enqueueMany` (one JSON parameter a statement: bulk-insert.ts). */
const ENQUEUE_CHUNK = 5_000;
const EMAIL_COLUMNS = {
  id: 'uuid',
  template: 'varchar',
  locale: 'varchar',
  recipient: 'varchar',
  user_id: 'uuid',
  data: 'jsonb',
  status: 'varchar',
} as const;

export interface MailRequest {
  template: string;
  locale: Locale | string;
  to: string;
  data: Record<string, unknown>;
  /** the user the mail concerns (export, erasure) */
  userId?: string;
  /** run no earlier than this */
  sendAt?: Date;
  /** send at most once per key */
  dedupeKey?: string;
}

/**
 * E-mail always goes through the outbox and the queue: `enqueue` records the
 * e-mail and its outbox message in the caller's transaction; the `mail.send` job
 * renders and sends it, and is idempotent (a sent e-mail is never sent again).
 */
@Injectable()
export class MailService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MailService');

  constructor(
    @InjectRepository(EmailMessageEntity) private readonly emails: Repository<EmailMessageEntity>,
    private readonly outbox: OutboxService,
    private readonly templates: MailTemplates,
    private readonly transport: MailTransport,
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    platformJobs.register(this.registry, MAIL_SEND_JOB, (payload, ctx) => this.deliver(payload.emailId, ctx));
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  registerTemplates(dir: string): void {
    this.templates.registerDirectory(dir);
  }

  async enqueue(em: EntityManager, req: MailRequest): Promise<string> {
    const [id] = await this.enqueueMany(em, [req]);
    return id;
  }

  /**
   * `enqueue` for many e-mails at once (a wave's invitations), with the same records, outbox
   * messages and dedupe rule, in two statements per 5,000 e-mails instead of two per
   * e-mail. Returns the e-mail ids in the order of `reqs` (for a deduplicated one, the id of
   * the e-mail first enqueued under its key).
   */
  async enqueueMany(em: EntityManager, reqs: readonly MailRequest[]): Promise<string[]> {
    const rows = reqs.map((req) => {
      if (!this.templates.has(req.template)) throw new Error(`unknown mail template ${req.template}`);
      const locale = req.locale === 'fr' ? 'fr' : 'en';
      // render now so that a template error fails the request, not a job hours later
      this.templates.render(req.template, locale, this.withDefaults(req.data));
      return {
        id: randomUUID(),
        template: req.template,
        locale,
        recipient: req.to.toLowerCase(),
        userId: req.userId ?? null,
        data: req.data,
        status: 'queued' as const,
      };
    });
    const written = new Set<string>();
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
      const chunk = rows.slice(i, i + ENQUEUE_CHUNK);
      await bulkInsert(
        em,
        'email_messages',
        EMAIL_COLUMNS,
        chunk.map((e) => ({
          id: e.id,
          template: e.template,
          locale: e.locale,
          recipient: e.recipient,
          user_id: e.userId,
          data: e.data,
          status: e.status,
        })),
        { returning: ['id'] },
      );
      const ids = await this.outbox.add(
        em,
        ...chunk.map((email, k) => {
          const req = reqs[i + k];
          return platformJobs.message(
            MAIL_SEND_JOB,
            { emailId: email.id },
            { availableAt: req.sendAt, dedupeKey: req.dedupeKey, subjectId: req.userId },
          );
        }),
      );
      if (ids.length === chunk.length) {
        for (const email of chunk) written.add(email.id);
      } else {
        // some dedupe keys were taken: find which e-mails got their message
        const got = (await em.query(`SELECT payload ->> 'emailId' AS id FROM outbox_messages WHERE id = ANY($1::uuid[])`, [ids])) as Array<{
          id: string;
        }>;
        for (const r of got) written.add(r.id);
      }
    }
    if (written.size === rows.length) return rows.map((r) => r.id);
    // enqueued before under their key: no second record (it would stay queued for ever); answer with the first
    const orphans = rows.filter((r) => !written.has(r.id)).map((r) => r.id);
    await em.getRepository(EmailMessageEntity).delete({ id: In(orphans) });
    const ids: string[] = [];
    for (const [k, r] of rows.entries()) {
      if (written.has(r.id)) {
        ids.push(r.id);
        continue;
      }
      const key = reqs[k].dedupeKey;
      const first = key ? await em.getRepository(OutboxMessageEntity).findOneBy({ dedupeKey: key }) : null;
      const firstId = first?.topic === MAIL_SEND_JOB ? first.payload.emailId : undefined;
      if (typeof firstId !== 'string') throw new Error(`dedupe key ${key} is taken by a ${first?.topic ?? 'vanished'} message`);
      ids.push(firstId);
    }
    return ids;
  }

  private withDefaults(data: Record<string, unknown>): Record<string, unknown> {
    return { baseUrl: this.config.http.publicBaseUrl, ...data };
  }

  /** The job: render and send once; the last failed attempt marks the e-mail failed. */
  async deliver(emailId: string, ctx: JobContext): Promise<void> {
    const email = await this.emails.findOne({ where: { id: emailId } });
    if (!email) {
      this.logger.warn(`mail ${emailId} no longer exists; nothing to send`);
      return;
    }
    if (email.status !== 'queued') return; // sent, failed for good, or cancelled (erasure)
    const rendered = this.templates.render(email.template, email.locale, this.withDefaults(email.data));
    const messageId = `<${email.id}@leadpanel>`;
    try {
      await this.transport.send({ from: this.config.mail.from, to: email.recipient, messageId, ...rendered });
    } catch (err) {
      const last = ctx.attempt >= ctx.maxAttempts;
      await this.emails.update(
        { id: email.id, status: 'queued' },
        {
          attempts: () => 'attempts + 1',
          lastError: String((err as Error).message).slice(0, 2000),
          ...(last ? { status: 'failed' as const } : {}),
        },
      );
      throw err;
    }
    await this.emails.update(
      { id: email.id },
      { status: 'sent', sentAt: new Date(), subject: rendered.subject, messageId, attempts: () => 'attempts + 1', lastError: null },
    );
  }

  async findForUser(userId: string): Promise<EmailMessageEntity[]> {
    return this.emails.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  async findById(id: string): Promise<EmailMessageEntity | null> {
    return this.emails.findOne({ where: { id } });
  }

  /**
   * Erasure: no further mail to this user; the recipient address, the data and the subject
   * (both may hold names) are replaced. With `address`, the same goes for mails others had
   * sent to that address (an invitation to the person, recorded under the sender).
   */
  async forgetUser(em: EntityManager, userId: string, replacementAddress: string, address?: string): Promise<void> {
    const concerned = (qb: UpdateQueryBuilder<EmailMessageEntity>): UpdateQueryBuilder<EmailMessageEntity> =>
      address
        ? qb.where('(user_id = :userId OR recipient = :address)', { userId, address: address.toLowerCase() })
        : qb.where('user_id = :userId', { userId });
    await concerned(em.getRepository(EmailMessageEntity).createQueryBuilder().update().set({ status: 'cancelled' }))
      .andWhere('status = :queued', { queued: 'queued' })
      .execute();
    await concerned(
      em.getRepository(EmailMessageEntity).createQueryBuilder().update().set({ recipient: replacementAddress, data: {}, subject: null }),
    ).execute();
  }
}
