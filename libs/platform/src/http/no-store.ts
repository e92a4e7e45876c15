import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every response under `/api/v1` (success and problem alike):
 * personal data, tokens, reports and share links must stay out of browser, proxy and CDN
 * caches. One rule for the whole API rather than a list of "personal" routes: a route added
 * later cannot be forgotten, and nothing under /api/v1 gains from caching. `/health`, the
 * API docs and their assets stay cacheable; `/metrics` sets its own no-store.
 */
export function noStoreMiddleware(prefix: string) {
  const root = `/${prefix}`;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === root || req.path.startsWith(`${root}/`)) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
