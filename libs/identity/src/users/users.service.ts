import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditService,
  ConflictError,
  MailService,
  NotFoundError,
  OutboxService,
  ValidationError,
  toPage,
  type AuthUser,
  type Page,
  type PageQueryDto,
  type Role,
} from '@leadpanel/platform';
import { BrandRepository } from '../brands/brand.repository';
import { IdentityError } from '../identity.errors';
import { SessionRepository } from '../auth/session.repository';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { UserEntity } from './user.entity';
import { UserRepository, type UserFilters } from './user.repository';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  brandId: string | null;
  status: UserEntity['status'];
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

/** What an application needs to know about an address already in use (never shown to the applicant). */
export interface ExistingAccount {
  id: string;
  role: Role;
  status: UserEntity['status'];
  emailConfirmed: boolean;
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
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    brandId: u.brandId,
    status: u.status,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
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

  /**
   * Staff accounts (admin, researcher, brand); panellists join through recruitment (prepare + insertPrepared).
   * Their e-mail counts as confirmed (an admin, the bootstrap or the CLI vouches for it); `mustChangePassword`
   * when an admin chose the password for them (POST /users).
   */
  async createStaff(input: CreateUserInput, opts: { mustChangePassword?: boolean } = {}): Promise<UserView> {
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
    if (await this.emailTaken(input.email.trim())) throw new IdentityError('EMAIL_TAKEN', 'An account with this e-mail already exists');
    const prepared = await this.prepare(input);
    const user = await this.dataSource.transaction(async (em) => {
      const created = await this.insertPrepared(em, prepared, {
        emailConfirmedAt: new Date(),
        mustChangePassword: opts.mustChangePassword ?? false,
      });
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
   * call insertPrepared inside their own transaction. Says nothing about whether the e-mail is in use
   * (an application must not tell): see existingAccount.
   */
  async prepare(input: CreateUserInput): Promise<PreparedUser> {
    assertAcceptablePassword(input.password, 'password');
    const email = input.email.trim().toLowerCase();
    return { email, passwordHash: await this.hasher.hash(input.password), role: input.role, brandId: input.brandId ?? null };
  }

  /** A second insert of the same e-mail: IdentityError EMAIL_TAKEN. A panellist's e-mail is unconfirmed until the link. */
  async insertPrepared(
    em: EntityManager,
    user: PreparedUser,
    opts: { emailConfirmedAt?: Date | null; mustChangePassword?: boolean } = {},
  ): Promise<UserEntity> {
    try {
      return await this.users.insert({ ...user, ...opts }, em);
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

  async existingAccount(email: string, em?: EntityManager): Promise<ExistingAccount | null> {
    const u = await this.users.findByEmail(email.trim(), em);
    return u ? { id: u.id, role: u.role, status: u.status, emailConfirmed: u.emailConfirmedAt !== null } : null;
  }

  /** The owner proved the address (confirmation link, password reset). */
  markEmailConfirmed(userId: string, em?: EntityManager): Promise<void> {
    return this.users.markEmailConfirmed(userId, em);
  }

  /** Frees the address of a panellist account that never confirmed it; false when the account is not (or no longer) one. */
  deleteUnconfirmedPanellist(userId: string, em: EntityManager): Promise<boolean> {
    return this.users.deleteUnconfirmedPanellist(userId, em);
  }

  async list(filters: UserFilters, query: PageQueryDto): Promise<Page<UserView>> {
    const rows = await this.users.listPage(filters, query);
    return toPage(rows, query, toUserView, (u) => u.createdAt);
  }

  /** PATCH /users/:id: an admin enables or disables an account; disabling ends its sessions at once. */
  async changeStatus(actor: AuthUser, userId: string, status: 'active' | 'disabled'): Promise<UserView> {
    if (userId === actor.id && status === 'disabled') {
      throw new ConflictError('CANNOT_DISABLE_SELF', 'An admin cannot disable their own account');
    }
    const user = await this.dataSource.transaction(async (em) => {
      const u = await this.users.findById(userId, em);
      if (!u) throw new NotFoundError('User', 'USER_NOT_FOUND');
      if (u.status === 'erased') throw new ConflictError('USER_ERASED', 'An erased account cannot be changed');
      if (u.status !== status) {
        await this.setStatus(userId, status, em);
        await this.audit.record(
          { action: 'user.status_changed', targetType: 'user', targetId: userId, data: { from: u.status, to: status } },
          em,
        );
      }
      return (await this.users.findById(userId, em))!;
    });
    return toUserView(user);
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
