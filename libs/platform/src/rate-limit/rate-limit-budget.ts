import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { ThrottlerException } from '@nestjs/throttler';
import { isUUID } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { buildProblem } from '../errors/problem.filter';
import { clientAddress } from './rate-limit';
import type { RateLimitStorage } from './rate-limit-storage';

export const BUDGET_THROTTLER = 'budget';
const WINDOW_MS = 60_000;

/** Liveness and readiness probes are outside the budget (a load balancer polls them from one address). */
export function isBudgetExempt(path: string): boolean {
  return path === '/health' || path.startsWith('/health/');
}

/**
 * The per-caller budget of every route: per user when the request carries a validly signed,
 * unexpired access token (whether its session is still live is the auth guard's business),
 * else per client address. Runs before the body is read and before any guard, so every
 * answer (also 400, 401, 404, 413) carries the RateLimit headers and is counted.
 */
export function rateLimitBudgetMiddleware(config: AppConfig, storage: RateLimitStorage) {
  const limit = config.http.rateLimitPerMinute;
  const jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) });

  const tracker = (req: Request): string => {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(req.header('authorization') ?? '');
    if (match) {
      try {
        const { sub } = jwt.verify<{ sub?: unknown }>(match[1], { algorithms: ['HS256'] });
        if (typeof sub === 'string' && isUUID(sub, 'loose')) return `user|${sub.toLowerCase()}`;
      } catch {
        /* not a valid token: counted by address */
      }
    }
    return `ip|${clientAddress(req)}`;
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (isBudgetExempt(req.path)) return next();
    storage.increment(tracker(req), WINDOW_MS, limit, 0, BUDGET_THROTTLER).then(
      ({ totalHits, timeToExpire, isBlocked, timeToBlockExpire }) => {
        res.setHeader('RateLimit-Limit', String(limit));
        res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - totalHits)));
        res.setHeader('RateLimit-Reset', String(timeToExpire));
        if (!isBlocked) return next();
        const problem = buildProblem(new ThrottlerException(), (req as Request & { id?: string }).id ?? 'unknown');
        res.setHeader('Retry-After', String(Math.max(1, timeToBlockExpire)));
        res.status(429).type('application/problem+json').send(JSON.stringify(problem));
      },
      (err: unknown) => next(err),
    );
  };
}
