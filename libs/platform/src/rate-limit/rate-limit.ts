import { applyDecorators, Global, Injectable, Module, UseGuards } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerRequest } from '@nestjs/throttler';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export const LOGIN_THROTTLER = 'login';
export const PUBLIC_FORM_THROTTLER = 'public-form';
/** OpenAPI extension naming the throttler of a rate-limited operation (its headers carry the name). */
export const X_RATE_LIMIT = 'x-rate-limit';

/**
 * Named rate limits, each applied only where a route opts in with its guard.
 * Counters live in the process (one API process per machine in embedded mode);
 * behind a load balancer each replica counts on its own.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: LOGIN_THROTTLER, ttl: 60_000, limit: config.auth.loginRateLimitPerMinute },
          { name: PUBLIC_FORM_THROTTLER, ttl: 60_000, limit: config.auth.publicFormRateLimitPerMinute },
        ],
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}

abstract class NamedThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;

  protected override handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    if (requestProps.throttler.name !== this.throttlerName) return Promise.resolve(true);
    return super.handleRequest(requestProps);
  }

  /** Per client address and, when the body names one, per e-mail: one person cannot lock out a whole office. */
  protected override getTracker(req: Record<string, any>): Promise<string> {
    const body = req.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 320) : '';
    return Promise.resolve(`${String(req.ip)}|${email}`);
  }
}

/** POST /auth/login */
@Injectable()
export class LoginRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerName = LOGIN_THROTTLER;
}

/**
 * Forms that create accounts or send e-mail to an address the caller chooses (applications,
 * referrals): counted per signed-in user, else per client address, whatever e-mail the body
 * names. Keyed on the body's e-mail as login is, a new address per request would never be limited.
 */
@Injectable()
export class PublicFormRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerName = PUBLIC_FORM_THROTTLER;

  protected override getTracker(req: Record<string, any>): Promise<string> {
    const user = req.user as { id?: unknown } | undefined;
    return Promise.resolve(typeof user?.id === 'string' ? `user|${user.id}` : `ip|${String(req.ip)}`);
  }
}

/** Rate-limits a route with the login throttler and says so in the OpenAPI document (429, headers). */
export const LoginRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(LoginRateLimitGuard), ApiExtension(X_RATE_LIMIT, LOGIN_THROTTLER));

/** Rate-limits a public form that sends e-mail, and says so in the OpenAPI document. */
export const PublicFormRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(PublicFormRateLimitGuard), ApiExtension(X_RATE_LIMIT, PUBLIC_FORM_THROTTLER));
