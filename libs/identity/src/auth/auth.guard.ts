import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, IS_PUBLIC, RequestContext, ROLES_KEY, UnauthenticatedError, type AuthUser, type Role } from '@leadpanel/platform';
import { AuthService } from './auth.service';

/**
 * Global guard: every route needs a valid access token unless marked @Public();
 * then @Roles() narrows who may call it. A route with neither is open to any
 * logged-in user.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = req.header('authorization');
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) throw new UnauthenticatedError('A Bearer access token is required');
    const user = await this.auth.authenticate(match[1]);
    req.user = user;
    RequestContext.setActor(user.id, user.role);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role))
      throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`, 'ROLE_NOT_ALLOWED');
    return true;
  }
}
