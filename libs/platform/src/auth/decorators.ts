import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthUser, Role } from './auth-user';

export const IS_PUBLIC = 'leadpanel:isPublic';
export const ROLES_KEY = 'leadpanel:roles';

/**
 * Who may call an operation, as the OpenAPI extension `x-roles` says it: roles, or
 * `public` (no token) or `any` (any logged-in user). The decorators below write it next
 * to the metadata the AuthGuard reads, so the document and the guard cannot disagree; the
 * access-matrix e2e test and the document's error responses are derived from it.
 */
export const X_ROLES = 'x-roles';
export type AccessRole = Role | 'public' | 'any';

/** Routes are private by default; this opens one to anonymous callers. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(X_ROLES, ['public'] satisfies AccessRole[]));

/** Only these roles may call the route (checked after authentication). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension(X_ROLES, [...roles] satisfies AccessRole[]));

/** Any logged-in user, whatever the role: what a route with no decorator already is, said out loud. */
export const Authenticated = (): MethodDecorator & ClassDecorator => ApiExtension(X_ROLES, ['any'] satisfies AccessRole[]);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!req.user) throw new Error('CurrentUser used on a public route');
  return req.user;
});
