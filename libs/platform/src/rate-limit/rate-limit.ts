import { applyDecorators, Global, Injectable, Module, UseGuards } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { DEFAULT_IPV6_SUBNET_PREFIX, normalizeIp, ThrottlerGuard, ThrottlerModule, type ThrottlerRequest } from '@nestjs/throttler';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { RateLimitStorage } from './rate-limit-storage';

export const LOGIN_THROTTLER = 'login';
export const LOGIN_ADDRESS_THROTTLER = 'login-address';
export const PUBLIC_FORM_THROTTLER = 'public-form';
/** OpenAPI extension naming the throttlers of a rate-limited operation (its headers carry the names). */
export const X_RATE_LIMIT = 'x-rate-limit';

const WINDOW_MS = 60_000;

/** The client address, an IPv6 one reduced to its /64 (one host holds a whole /64). */
export function clientAddress(req: { ip?: string }): string {
  return normalizeIp(String(req.ip), DEFAULT_IPV6_SUBNET_PREFIX);
}

function bodyEmail(req: Record<string, any>): string {
  const body = req.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 320) : '';
}

/** The storage every limit counts in (Redis when REDIS_URL is set, else memory): its own module, one instance. */
@Module({ providers: [RateLimitStorage], exports: [RateLimitStorage] })
export class RateLimitStorageModule {}

/**
 * Named rate limits, each applied only where a route opts in with its guard, on top of the
 * per-caller budget every route has (rate-limit-budget.ts). All count in RateLimitStorage:
 * in Redis with REDIS_URL, shared by every API process.
 */
@Global()
@Module({
  imports: [
    RateLimitStorageModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [APP_CONFIG, RateLimitStorage],
      useFactory: (config: AppConfig, storage: RateLimitStorage) => ({
        storage,
        throttlers: [
          // checked first: an address over its limit is refused before it counts against the accounts it tries
          {
            name: LOGIN_ADDRESS_THROTTLER,
            ttl: WINDOW_MS,
            limit: config.auth.loginAddressRateLimitPerMinute,
            getTracker: (req: Record<string, any>) => `ip|${clientAddress(req)}`,
          },
          {
            name: LOGIN_THROTTLER,
            ttl: WINDOW_MS,
            limit: config.auth.loginRateLimitPerMinute,
            getTracker: (req: Record<string, any>) => `email|${bodyEmail(req)}`,
          },
          {
            name: PUBLIC_FORM_THROTTLER,
            ttl: WINDOW_MS,
            limit: config.auth.publicFormRateLimitPerMinute,
            // per signed-in user, else per client address, whatever e-mail the body names: keyed on
            // the body's e-mail, a new address per request would never be limited
            getTracker: (req: Record<string, any>) => {
              const user = req.user as { id?: unknown } | undefined;
              return typeof user?.id === 'string' ? `user|${user.id}` : `ip|${clientAddress(req)}`;
            },
          },
        ],
      }),
    }),
  ],
  exports: [ThrottlerModule, RateLimitStorageModule],
})
export class RateLimitModule {}

abstract class NamedThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerNames: readonly string[];

  protected override handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    if (!this.throttlerNames.includes(requestProps.throttler.name ?? '')) return Promise.resolve(true);
    return super.handleRequest(requestProps);
  }
}

/**
 * POST /auth/login: per client address whatever the e-mails (one address spraying passwords over
 * many accounts), and per account whatever the addresses (one account attacked from many).
 */
@Injectable()
export class LoginRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerNames = [LOGIN_ADDRESS_THROTTLER, LOGIN_THROTTLER];
}

/**
 * Forms that create accounts or send e-mail to an address the caller chooses (applications,
 * referrals, password reset, resend-confirmation): opt in with @PublicFormRateLimit().
 */
@Injectable()
export class PublicFormRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerNames = [PUBLIC_FORM_THROTTLER];
}

/** Rate-limits a route with the login throttler and says so in the OpenAPI document (429, headers). */
export const LoginRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(LoginRateLimitGuard), ApiExtension(X_RATE_LIMIT, [LOGIN_ADDRESS_THROTTLER, LOGIN_THROTTLER]));

/** Rate-limits a public form that sends e-mail, and says so in the OpenAPI document. */
export const PublicFormRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(PublicFormRateLimitGuard), ApiExtension(X_RATE_LIMIT, [PUBLIC_FORM_THROTTLER]));
