import { Body, Controller, Delete, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  DECORATORS,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, LoginRateLimit, Public, type AppConfig } from '@leadpanel/platform';
import { IdentityError } from '../identity.errors';
import { AuthService, type TokenPair } from './auth.service';
import { BrowserClientGuard, CLIENT_HEADER, CLIENT_HEADER_VALUE } from './browser-client.guard';
import { BrowserSessionDto, LoginDto } from './dto/auth.dto';
import {
  clearedSessionCookie,
  readSessionCookie,
  SECURE_SESSION_COOKIE_NAME,
  SESSION_COOKIE_NAME,
  SESSION_COOKIE_PATH,
  sessionCookie,
  sessionCookieSettings,
  type SessionCookieSettings,
} from './session-cookie';

const COOKIE_DOC =
  `the refresh token: \`${SECURE_SESSION_COOKIE_NAME}\` (\`${SESSION_COOKIE_NAME}\` when PUBLIC_BASE_URL is http), ` +
  `HttpOnly, SameSite=Strict, Path=${SESSION_COOKIE_PATH}, Secure when PUBLIC_BASE_URL is https, Max-Age = REFRESH_TOKEN_TTL_DAYS`;

const SET_COOKIE = (what: string) => ({
  'Set-Cookie': { description: what, schema: { type: 'string' as const, maxLength: 400 } },
});

/** The cookie as an OpenAPI parameter (`in: cookie`): @nestjs/swagger has decorators for path, query and header only. */
const ApiSessionCookie =
  (required: boolean): MethodDecorator =>
  (_target, _key, descriptor) => {
    const previous = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, descriptor.value as object) ?? []) as unknown[];
    const param = {
      name: SECURE_SESSION_COOKIE_NAME,
      in: 'cookie',
      required,
      description: `${COOKIE_DOC}; set by POST /auth/session, sent by the browser`,
      schema: { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]{1,200}$' },
    };
    Reflect.defineMetadata(DECORATORS.API_PARAMETERS, [...previous, param], descriptor.value as object);
    return descriptor;
  };

const withoutRefreshToken = ({ accessToken, tokenType, expiresIn, user }: TokenPair): BrowserSessionDto => ({
  accessToken,
  tokenType,
  expiresIn,
  user,
});

/**
 * Browser sessions (docs/web.md): the access token in the page's memory, the refresh token in
 * an HttpOnly cookie scoped to these routes. Every route here passes the CSRF check first
 * (BrowserClientGuard). Bearer clients keep /auth/login, /auth/refresh and /auth/logout.
 */
@ApiTags('auth')
@Public()
@UseGuards(BrowserClientGuard)
@ApiHeader({
  name: CLIENT_HEADER,
  required: true,
  description: 'CSRF check: a cross-site form cannot send it, a cross-origin fetch needs a preflight the API refuses to foreign origins',
  schema: { type: 'string', enum: [CLIENT_HEADER_VALUE] },
})
@Controller('auth/session')
export class BrowserSessionController {
  private readonly cookie: SessionCookieSettings;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = sessionCookieSettings(config.http.publicBaseUrl, config.auth.refreshTokenTtlDays);
  }

  @Post()
  @HttpCode(200)
  @LoginRateLimit()
  @ApiOperation({ summary: 'Sign in a browser: the login rules of POST /auth/login, the refresh token in a cookie' })
  @ApiOkResponse({ type: BrowserSessionDto, headers: SET_COOKIE(COOKIE_DOC) })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this address and e-mail' })
  @ApiUnauthorizedResponse({ description: 'wrong e-mail or password, or a disabled account' })
  @ApiForbiddenResponse({
    description:
      'csrf-check-failed (no X-Leadpanel-Client: web, or a foreign Origin), or right password but e-mail not confirmed yet (email-not-confirmed)',
  })
  async signIn(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<BrowserSessionDto> {
    const pair = await this.auth.login(dto.email, dto.password);
    res.setHeader('Set-Cookie', sessionCookie(this.cookie, pair.refreshToken));
    return withoutRefreshToken(pair);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiSessionCookie(true)
  @ApiOperation({ summary: 'Rotate the session cookie: a new access token and a new cookie (a reused one revokes the session)' })
  @ApiOkResponse({ type: BrowserSessionDto, headers: SET_COOKIE(COOKIE_DOC) })
  @ApiUnauthorizedResponse({
    description:
      'no cookie, or an unknown, expired, revoked or reused refresh token (reuse revokes the whole session); the cookie is cleared',
    headers: SET_COOKIE('the cookie, cleared'),
  })
  @ApiForbiddenResponse({ description: 'csrf-check-failed: no X-Leadpanel-Client: web, or a foreign Origin' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<BrowserSessionDto> {
    // cleared unless the rotation succeeds: a refused cookie is of no use to the browser
    res.setHeader('Set-Cookie', clearedSessionCookie(this.cookie));
    const token = readSessionCookie(req.headers.cookie, this.cookie.name);
    if (!token) throw new IdentityError('INVALID_REFRESH_TOKEN', 'There is no session cookie; sign in again');
    const pair = await this.auth.refresh(token);
    res.setHeader('Set-Cookie', sessionCookie(this.cookie, pair.refreshToken));
    return withoutRefreshToken(pair);
  }

  @Delete()
  @HttpCode(204)
  @ApiSessionCookie(false)
  @ApiOperation({ summary: 'Sign a browser out: the session of the cookie ends (no access token needed) and the cookie is cleared' })
  @ApiNoContentResponse({ description: 'signed out (also when there was no session to end)', headers: SET_COOKIE('the cookie, cleared') })
  @ApiForbiddenResponse({ description: 'csrf-check-failed: no X-Leadpanel-Client: web, or a foreign Origin' })
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    res.setHeader('Set-Cookie', clearedSessionCookie(this.cookie));
    const token = readSessionCookie(req.headers.cookie, this.cookie.name);
    if (token) await this.auth.endSession(token);
  }
}
