import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type AuthUser, type Role } from '@leadpanel/platform';
import { IdentityError } from '../identity.errors';
import { PasswordHasher } from '../users/password-hasher';
import { UserRepository } from '../users/user.repository';
import { SessionRepository } from './session.repository';
import { TokenService } from './token.service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; email: string; role: Role };
}

const INVALID_CREDENTIALS = 'E-mail or password is wrong';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByEmail(email);
    if (!user || user.status !== 'active') {
      await this.hasher.verifyNothing(password);
      throw new IdentityError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.audit.record({ action: 'auth.login_failed', targetType: 'user', targetId: user.id, actorUserId: null, actorRole: null });
      throw new IdentityError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    // told only to whoever knows the password
    if (user.emailConfirmedAt === null) {
      throw new IdentityError('EMAIL_NOT_CONFIRMED', 'Confirm your e-mail address first: open the link we sent you, or ask for a new one');
    }
    const refresh = this.tokens.newRefreshToken();
    const sessionId = await this.dataSource.transaction(async (em) => {
      const sid = await this.sessions.createSession(user.id, em);
      await this.sessions.addRefreshToken(sid, refresh.hash, refresh.expiresAt, em);
      return sid;
    });
    await this.users.recordLogin(user.id);
    return this.pair(user.id, user.email, user.role, sessionId, refresh.token);
  }

  /**
   * Rotation: a refresh token works once. Presenting a spent one is taken as theft:
   * the whole family (the login it came from) is revoked, and the caller gets 401.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = this.tokens.hashRefresh(refreshToken);
    const outcome = await this.dataSource.transaction(async (em) => {
      const record = await this.sessions.findRefreshToken(hash, em);
      if (!record) return { kind: 'invalid' as const };
      if (record.sessionRevoked || record.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      if (record.usedAt !== null || !(await this.sessions.consumeRefreshToken(record.id, em))) {
        await this.sessions.revokeSession(record.sessionId, 'refresh_token_reuse', em);
        return { kind: 'reused' as const, userId: record.userId, sessionId: record.sessionId };
      }
      const user = await this.users.findById(record.userId, em);
      if (!user || user.status !== 'active' || user.emailConfirmedAt === null) return { kind: 'invalid' as const };
      const next = this.tokens.newRefreshToken();
      await this.sessions.addRefreshToken(record.sessionId, next.hash, next.expiresAt, em);
      return { kind: 'ok' as const, user, sessionId: record.sessionId, token: next.token };
    });
    switch (outcome.kind) {
      case 'invalid':
        throw new IdentityError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
      case 'reused':
        this.logger.warn(`refresh token reuse for user ${outcome.userId}: session ${outcome.sessionId} revoked`);
        await this.audit.record({
          action: 'auth.refresh_reuse',
          targetType: 'user',
          targetId: outcome.userId,
          data: { sessionId: outcome.sessionId },
        });
        throw new IdentityError('REFRESH_TOKEN_REUSED', 'The refresh token was already used; the session has been revoked');
      case 'ok':
        return this.pair(outcome.user.id, outcome.user.email, outcome.user.role, outcome.sessionId, outcome.token);
    }
  }

  /** Ends the caller's current login and the login the refresh token belongs to, if it is the caller's. */
  async logout(caller: AuthUser, refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const record = await this.sessions.findRefreshToken(this.tokens.hashRefresh(refreshToken), em);
      if (record && record.userId === caller.id) await this.sessions.revokeSession(record.sessionId, 'logout', em);
      await this.sessions.revokeSession(caller.sessionId, 'logout', em);
    });
  }

  /**
   * Ends the login a refresh token belongs to (a browser signing out with its cookie): holding the
   * token is the proof, no access token needed. An unknown token ends nothing.
   */
  async endSession(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const record = await this.sessions.findRefreshToken(this.tokens.hashRefresh(refreshToken), em);
      if (record) await this.sessions.revokeSession(record.sessionId, 'logout', em);
    });
  }

  /** The global guard's check: signature and expiry, then the session and the user are still live. */
  async authenticate(accessToken: string): Promise<AuthUser> {
    const claims = this.tokens.verifyAccess(accessToken);
    if (!claims) throw new IdentityError('INVALID_ACCESS_TOKEN', 'The access token is invalid or expired');
    const p = await this.sessions.principal(claims.sid, claims.sub);
    if (!p || p.sessionRevoked || p.userStatus !== 'active' || !p.emailConfirmed) {
      throw new IdentityError('SESSION_REVOKED', 'The session has ended; log in again');
    }
    return { id: p.userId, email: p.email, role: p.role, brandId: p.brandId, sessionId: claims.sid };
  }

  private pair(id: string, email: string, role: Role, sessionId: string, refreshToken: string): TokenPair {
    return {
      accessToken: this.tokens.signAccess({ sub: id, sid: sessionId, role }),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      user: { id, email, role },
    };
  }
}
