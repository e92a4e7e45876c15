import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not, Repository } from 'typeorm';
import type { Role } from '@leadpanel/platform';
import { AuthSessionEntity } from './auth-session.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface SessionPrincipal {
  userId: string;
  email: string;
  role: Role;
  brandId: string | null;
  userStatus: string;
  sessionRevoked: boolean;
  emailConfirmed: boolean;
}

export interface RefreshTokenRecord {
  id: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevoked: boolean;
}

@Injectable()
export class SessionRepository {
  constructor(
    @InjectRepository(AuthSessionEntity) private readonly sessions: Repository<AuthSessionEntity>,
    private readonly dataSource: DataSource,
  ) {}

  async createSession(userId: string, em: EntityManager): Promise<string> {
    const s = await em.getRepository(AuthSessionEntity).save({ userId });
    return s.id;
  }

  async addRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date, em: EntityManager): Promise<void> {
    await em.getRepository(RefreshTokenEntity).insert({ sessionId, tokenHash, expiresAt });
  }

  /** The caller of an access token, in one indexed query. */
  async principal(sessionId: string, userId: string): Promise<SessionPrincipal | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.role, u.brand_id AS "brandId", u.status AS "userStatus",
              (s.revoked_at IS NOT NULL) AS "sessionRevoked", (u.email_confirmed_at IS NOT NULL) AS "emailConfirmed"
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2`,
      [sessionId, userId],
    )) as SessionPrincipal[];
    return rows[0] ?? null;
  }

  async findRefreshToken(tokenHash: string, em: EntityManager): Promise<RefreshTokenRecord | null> {
    const rows = (await em.query(
      `SELECT t.id, t.session_id AS "sessionId", s.user_id AS "userId", t.expires_at AS "expiresAt", t.used_at AS "usedAt",
              (s.revoked_at IS NOT NULL) AS "sessionRevoked"
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    )) as RefreshTokenRecord[];
    return rows[0] ?? null;
  }

  /** Marks the token used; false when someone else used it first (a reuse). */
  async consumeRefreshToken(id: string, em: EntityManager): Promise<boolean> {
    const res = await em
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL', { id })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  async revokeSession(sessionId: string, reason: string, em?: EntityManager): Promise<void> {
    await (em ? em.getRepository(AuthSessionEntity) : this.sessions).update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
  }

  async revokeAllForUser(userId: string, reason: string, em?: EntityManager): Promise<void> {
    await (em ? em.getRepository(AuthSessionEntity) : this.sessions).update(
      { userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
  }

  /** Every login of the user but `keepSessionId` (a password change keeps the caller signed in). */
  async revokeAllForUserExcept(userId: string, keepSessionId: string, reason: string, em: EntityManager): Promise<void> {
    await em
      .getRepository(AuthSessionEntity)
      .update({ userId, id: Not(keepSessionId), revokedAt: IsNull() }, { revokedAt: () => 'now()', revokedReason: reason });
  }
}
