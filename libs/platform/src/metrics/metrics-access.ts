import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError, UnauthenticatedError } from '../errors/domain-error';
import type { AppConfig } from '../config/app-config';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Who may read `/metrics`: queue depths, route latencies and process facts are
 * reconnaissance for an attacker, so in production without METRICS_TOKEN it is a 404, as
 * an unknown route. The token comparison is constant-time.
 */
export function metricsAccess(metrics: AppConfig['metrics'], authorization: string | undefined): void {
  if (!metrics.enabled) throw new DomainError('NOT_FOUND', 'not_found', 'Cannot GET /metrics');
  if (metrics.token === null) return;
  const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!m || !timingSafeEqual(digest(m[1]), digest(metrics.token))) {
    throw new UnauthenticatedError('/metrics needs the METRICS_TOKEN as a Bearer token', 'METRICS_TOKEN_REQUIRED');
  }
}
