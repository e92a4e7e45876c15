import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../errors/domain-error';
import { OutboxService } from '../outbox/outbox.service';
import { decodeCursor, toPage, type Page } from '../pagination/page';
import type { EmailPageDto, EmailResponseDto, EmailViewStatus, ListEmailsQueryDto } from './dto/email.dto';
import { EmailMessageEntity, type EmailStatus } from './email-message.entity';
import { MAIL_SEND_JOB, platformJobs } from './mail-jobs';

const VIEW_STATUS: Record<EmailStatus, EmailViewStatus> = { queued: 'pending', sent: 'sent', failed: 'failed', cancelled: 'cancelled' };
/** email_messages.created_at has microseconds; cursors carry milliseconds: order and compare on the same truncation. */
const CREATED_MS = `date_trunc('milliseconds', e.created_at)`;

export function toEmailResponse(e: EmailMessageEntity): EmailResponseDto {
  return {
    id: e.id,
    to: e.recipient,
    template: e.template,
    locale: e.locale,
    status: VIEW_STATUS[e.status],
    attempts: e.attempts,
    lastError: e.lastError,
    createdAt: e.createdAt,
    sentAt: e.sentAt,
  };
}

/**
 * The e-mail log for staff: what was sent, what is pending, what failed and why; and a
 * retry for a failed e-mail, which queues it again through the outbox like any e-mail (sent
 * once: the job sends only a queued e-mail and records it sent).
 */
@Injectable()
export class EmailsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(EmailMessageEntity) private readonly emails: Repository<EmailMessageEntity>,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListEmailsQueryDto): Promise<EmailPageDto> {
    const qb = this.emails.createQueryBuilder('e');
    if (query.status) qb.where('e.status = :status', { status: query.status === 'pending' ? 'queued' : query.status });
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      qb.andWhere(`(${CREATED_MS}, e.id) < (:cursorT, :cursorId)`, { cursorT: c.t, cursorId: c.id });
    }
    const rows = await qb
      .orderBy(CREATED_MS, 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit((query.limit ?? 20) + 1)
      .getMany();
    const page: Page<EmailResponseDto> = toPage(rows, query, toEmailResponse, (e) => e.createdAt);
    return page;
  }

  /** A failed e-mail back to the queue: 404 unknown, 409 `EMAIL_NOT_FAILED` when it is not failed (already retried, sent…). */
  async retry(id: string): Promise<EmailResponseDto> {
    await this.dataSource.transaction(async (em) => {
      // the status test and change in one statement: of two simultaneous retries, one wins
      const res = await em
        .createQueryBuilder()
        .update(EmailMessageEntity)
        .set({ status: 'queued' })
        .where('id = :id AND status = :failed', { id, failed: 'failed' })
        .execute();
      if (!res.affected) {
        const email = await em.getRepository(EmailMessageEntity).findOne({ where: { id } });
        if (!email) throw new NotFoundError('E-mail', 'EMAIL_NOT_FOUND');
        throw new ConflictError('EMAIL_NOT_FAILED', `Only a failed e-mail can be retried; this one is ${VIEW_STATUS[email.status]}`);
      }
      const email = await em.getRepository(EmailMessageEntity).findOneOrFail({ where: { id } });
      await this.outbox.add(em, platformJobs.message(MAIL_SEND_JOB, { emailId: id }, { subjectId: email.userId ?? undefined }));
      await this.audit.record({ action: 'email.retried', targetType: 'email', targetId: id }, em);
    });
    this.outbox.nudge();
    return toEmailResponse(await this.emails.findOneOrFail({ where: { id } }));
  }
}
