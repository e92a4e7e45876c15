import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import {
  APP_CONFIG,
  AuditService,
  JobRegistry,
  MailService,
  OutboxService,
  UnauthenticatedError,
  ValidationError,
  type AppConfig,
  type AuthUser,
} from '@leadpanel/platform';
import { EMAIL_PROVEN_BY_RESET_JOB, identityJobs, PASSWORD_RESET_JOB } from '../jobs/identity-jobs';
import { PasswordHasher } from '../users/password-hasher';
import { assertAcceptablePassword } from '../users/password-policy';
import { UserLocales } from '../users/user-locales';
import { UserRepository } from '../users/user.repository';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { SessionRepository } from './session.repository';

export const RESET_TOKEN_TTL_MS = 3_600_000;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const invalidResetToken = (): ValidationError =>
  new ValidationError(
    'The reset link is invalid, used or expired; ask for a new one',
    [{ field: 'token', message: 'unknown, used or expired' }],
    'INVALID_RESET_TOKEN',
  );

/** Password change (signed in) and reset by e-mail (public). */
@Injectable()
export class PasswordService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly locales: UserLocales,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    identityJobs.register(this.registry, PASSWORD_RESET_JOB, ({ email }) => this.sendReset(email));
  }

  /** The caller's other logins end; the current one stays. A wrong current password is a 400 naming currentPassword. */
  async change(caller: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'newPassword');
    const user = await this.users.findById(caller.id);
    if (!user || user.status !== 'active') throw new UnauthenticatedError('The session has ended; log in again', 'SESSION_REVOKED');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new ValidationError(
        'The current password is wrong',
        [{ field: 'currentPassword', message: 'currentPassword is wrong' }],
        'WRONG_CURRENT_PASSWORD',
      );
    }
    const hash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      await this.users.setPasswordHash(user.id, hash, em);
      await this.sessions.revokeAllForUserExcept(user.id, caller.sessionId, 'password_changed', em);
      await this.audit.record({ action: 'user.password_changed', targetType: 'user', targetId: user.id }, em);
    });
  }

  /**
   * Whatever the address, the same work: one outbox row. The job (sendReset) looks the address up, so that
   * neither the answer nor its timing says whether an account exists.
   */
  async requestReset(email: string): Promise<void> {
    await this.dataSource.transaction((em) =>
      this.outbox.add(em, identityJobs.message(PASSWORD_RESET_JOB, { email: email.trim().toLowerCase().slice(0, 320) })),
    );
    this.outbox.nudge();
  }

  /** A fresh token (an older unused one stops working), stored hashed, valid one hour; the link goes to the owner. */
  async sendReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.status !== 'active') return;
    const locale = await this.locales.of(user.id);
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (em) => {
      const tokens = em.getRepository(PasswordResetTokenEntity);
      await tokens.delete({ userId: user.id, usedAt: IsNull() });
      await tokens.insert({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) });
      await this.mail.enqueue(em, {
        template: 'password-reset',
        locale,
        to: user.email,
        userId: user.id,
        data: { email: user.email, resetUrl: `${this.config.http.publicBaseUrl}/reset?token=${token}` },
      });
      await this.audit.record(
        { action: 'user.password_reset_requested', targetType: 'user', targetId: user.id, actorUserId: null, actorRole: null },
        em,
      );
    });
    this.outbox.nudge();
  }

  /** Single use: the new password, every session revoked, and the e-mail counts as confirmed (the owner read it). */
  async confirmReset(token: string, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'newPassword');
    const tokenHash = sha256(token);
    const record = await this.dataSource
      .getRepository(PasswordResetTokenEntity)
      .findOne({ where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) } });
    if (!record) throw invalidResetToken();
    const hash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      const consumed = await em
        .getRepository(PasswordResetTokenEntity)
        .update({ id: record.id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) }, { usedAt: () => 'now()' });
      if (consumed.affected !== 1) throw invalidResetToken();
      const user = await this.users.findById(record.userId, em);
      if (!user || user.status === 'erased') throw invalidResetToken();
      await this.users.setPasswordHash(user.id, hash, em);
      if (user.emailConfirmedAt === null) {
        await this.users.markEmailConfirmed(user.id, em);
        if (user.role === 'panellist')
          await this.outbox.add(em, identityJobs.message(EMAIL_PROVEN_BY_RESET_JOB, { userId: user.id }, { subjectId: user.id }));
      }
      await this.sessions.revokeAllForUser(user.id, 'password_reset', em);
      await this.audit.record(
        { action: 'user.password_reset', targetType: 'user', targetId: user.id, actorUserId: null, actorRole: null },
        em,
      );
    });
  }
}
