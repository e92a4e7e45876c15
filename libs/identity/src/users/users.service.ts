import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, MailService, OutboxService, NotFoundError, ValidationError, type Role } from '@leadpanel/platform';
import { BrandRepository } from '../brands/brand.repository';
import { IdentityError } from '../identity.errors';
import { SessionRepository } from '../auth/session.repository';
import { MIN_PASSWORD_LENGTH, PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  brandId: string | null;
  status: UserEntity['status'];
  createdAt: Date;
}

export interface CreateUserInput {
  email: string;
  password: string;
  role: Role;
  brandId?: string | null;
}

export interface PreparedUser {
  email: string;
  passwordHash: string;
  role: Role;
  brandId: string | null;
}

export function toUserView(u: UserEntity): UserView {
  return { id: u.id, email: u.email, role: u.role, brandId: u.brandId, status: u.status, createdAt: u.createdAt };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly brands: BrandRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Staff accounts (admin, researcher, brand); panellists join through recruitment (createInTransaction). */
  async createStaff(input: CreateUserInput): Promise<UserView> {
    if (input.role === 'brand' && !input.brandId) {
      throw new ValidationError('A brand user needs a brandId', [{ field: 'brandId', message: 'brandId is required when role is brand' }]);
    }
    if (input.role !== 'brand' && input.brandId) {
      throw new ValidationError('Only brand users belong to a brand', [
        { field: 'brandId', message: 'brandId is only allowed when role is brand' },
      ]);
    }
    if (input.brandId && !(await this.brands.findById(input.brandId))) {
      throw new IdentityError('BRAND_NOT_FOUND', 'The brand does not exist');
    }
    const prepared = await this.prepare(input);
    const user = await this.dataSource.transaction(async (em) => {
      const created = await this.insertPrepared(em, prepared);
      await this.mail.enqueue(em, {
        template: 'account-created',
        locale: 'en',
        to: created.email,
        userId: created.id,
        data: { role: created.role, email: created.email },
        dedupeKey: `account-created:${created.id}`,
      });
      await this.audit.record({ action: 'user.created', targetType: 'user', targetId: created.id, data: { role: created.role } }, em);
      return created;
    });
    this.outbox.nudge();
    return toUserView(user);
  }

  /**
   * Checks and hashes outside any transaction (argon2 is slow on purpose; a
   * transaction must not wait for it). Other contexts (panel recruitment) then
   * call insertPrepared inside their own transaction.
   */
  async prepare(input: CreateUserInput): Promise<PreparedUser> {
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new ValidationError('Password too short', [
        { field: 'password', message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` },
      ]);
    }
    const email = input.email.trim().toLowerCase();
    if (await this.users.findByEmail(email)) throw new IdentityError('EMAIL_TAKEN', 'An account with this e-mail already exists');
    return { email, passwordHash: await this.hasher.hash(input.password), role: input.role, brandId: input.brandId ?? null };
  }

  async insertPrepared(em: EntityManager, user: PreparedUser): Promise<UserEntity> {
    try {
      return await this.users.insert(user, em);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new IdentityError('EMAIL_TAKEN', 'An account with this e-mail already exists');
      throw err;
    }
  }

  async get(id: string): Promise<UserView> {
    const u = await this.users.findById(id);
    if (!u) throw new NotFoundError('User');
    return toUserView(u);
  }

  async emailTaken(email: string, em?: EntityManager): Promise<boolean> {
    return (await this.users.findByEmail(email, em)) !== null;
  }

  /** Erasure: the account can never log in again and its e-mail is free for a new application. */
  async erase(em: EntityManager, userId: string): Promise<void> {
    await this.users.markErased(userId, `erased+${userId}@invalid.leadpanel`, em);
    await this.sessions.revokeAllForUser(userId, 'erased', em);
  }

  async revokeSessions(userId: string, reason: string, em?: EntityManager): Promise<void> {
    await this.sessions.revokeAllForUser(userId, reason, em);
  }

  async setStatus(userId: string, status: 'active' | 'disabled', em?: EntityManager): Promise<void> {
    await this.users.setStatus(userId, status, em);
    if (status === 'disabled') await this.sessions.revokeAllForUser(userId, 'disabled', em);
  }

  /** E-mail addresses of users, for views that show them (PII: callers audit the read). */
  emailsByIds(ids: string[], em?: EntityManager): Promise<Map<string, string>> {
    return this.users.emailsByIds(ids, em);
  }

  activeBrandUsers(brandId: string, em?: EntityManager): Promise<Array<{ id: string; email: string }>> {
    return this.users.activeBrandUsers(brandId, em);
  }

  idsByEmailFragment(role: Role, fragment: string, limit = 1000): Promise<string[]> {
    return this.users.idsByEmailFragment(role, fragment, limit);
  }
}
