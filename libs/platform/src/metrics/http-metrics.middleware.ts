import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from './metrics.service';

/** Times every request; the route label is the matched route pattern, never the raw path (bounded cardinality). */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      const label = route ? `${req.baseUrl ?? ''}${route}` : 'unmatched';
      end({ method: req.method, route: label, status: String(res.statusCode) });
      if (res.statusCode >= 500) metrics.httpErrors.inc({ status: String(res.statusCode) });
    });
    next();
  };
}
