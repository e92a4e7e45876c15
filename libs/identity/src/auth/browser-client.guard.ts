import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, ForbiddenError, type AppConfig } from '@leadpanel/platform';

export const CLIENT_HEADER = 'X-Leadpanel-Client';
export const CLIENT_HEADER_VALUE = 'web';

/** The serialised origin of a URL, or null for anything that is not an http(s) origin (`null`, garbage). */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The CSRF check of the cookie routes (/auth/session…), before anything else runs:
 * - the request carries `X-Leadpanel-Client: web`. A cross-site form cannot set a header, and a
 *   cross-origin fetch that sets one needs a CORS preflight, which the API answers only for
 *   CORS_ORIGINS (and never with credentials);
 * - when the request has an `Origin` header, it is the origin of PUBLIC_BASE_URL or one of
 *   CORS_ORIGINS (an opaque `null` origin is refused).
 * Otherwise 403 `csrf-check-failed`, and nothing is read, spent or revoked. SameSite=Strict on the
 * cookie is the third layer.
 */
@Injectable()
export class BrowserClientGuard implements CanActivate {
  private readonly origins: ReadonlySet<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const allowed = [config.http.publicBaseUrl, ...config.http.corsOrigins].map(originOf).filter((o): o is string => o !== null);
    this.origins = new Set(allowed);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.header(CLIENT_HEADER) !== CLIENT_HEADER_VALUE) {
      throw new ForbiddenError(`Browser session routes need the header ${CLIENT_HEADER}: ${CLIENT_HEADER_VALUE}`, 'CSRF_CHECK_FAILED');
    }
    // browsers send the serialised origin: compared as it comes, so `null` or a spelling variant never matches
    const origin = req.headers.origin;
    if (origin !== undefined && !this.origins.has(origin)) {
      throw new ForbiddenError('This origin may not use browser sessions', 'CSRF_CHECK_FAILED');
    }
    return true;
  }
}
