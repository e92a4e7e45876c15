import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { APP_CONFIG, type AppConfig, type Role } from '@leadpanel/platform';

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

const isUuid = (v: unknown): v is string => isUUID(v, 'loose');

/** Short-lived HS256 access tokens and opaque refresh tokens (only their SHA-256 is stored). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccess(claims: AccessClaims): string {
    // the secret is the module's (identity.module.ts: config.auth.jwtSecret as a KeyObject)
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
  }

  /** Verifies signature, algorithm (HS256 only: no `none`) and expiry; null when any fails. */
  verifyAccess(token: string): AccessClaims | null {
    try {
      const claims = this.jwt.verify<AccessClaims & { exp: number }>(token, { algorithms: ['HS256'] });
      // the ids go into queries on uuid columns: a malformed one is an invalid token (401), not bad input (400)
      if (!isUuid(claims.sub) || !isUuid(claims.sid) || typeof claims.role !== 'string') return null;
      return claims;
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefresh(token), expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000) };
  }

  hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  get accessTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }
}
