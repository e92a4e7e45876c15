import { Global, Injectable, Module } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerRequest } from '@nestjs/throttler';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export const LOGIN_THROTTLER = 'login';
export const PUBLIC_FORM_THROTTLER = 'public-form';

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
          { name: PUBLIC_FORM_THROTTLER, ttl: 60_000, limit: config.auth.loginRateLimitPerMinute * 3 },
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

/** Public forms that send e-mail (applications, referrals). */
@Injectable()
export class PublicFormRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerName = PUBLIC_FORM_THROTTLER;
}
