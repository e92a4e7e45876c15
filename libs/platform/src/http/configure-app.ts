import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { appLogger } from '../logging/app-logger';
import type { AppConfig } from '../config/app-config';
import { ProblemFilter } from '../errors/problem.filter';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsService } from '../metrics/metrics.service';
import { noStoreMiddleware } from './no-store';
import { rateLimitBudgetMiddleware } from '../rate-limit/rate-limit-budget';
import { RateLimitStorage } from '../rate-limit/rate-limit-storage';
import { buildOpenApiDocument, DOCS_JSON_PATH, DOCS_PATH } from './openapi';
import { requestIdMiddleware } from './request-context';
import { resolveWebDistDir, webAppMiddleware, webAppMissingHandler } from './web-app';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '1mb';
/** What a browser script may read of a cross-origin answer. */
const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'];

/** `/api/v1` in front of every route but the operations ones (the OpenAPI paths depend on it). */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/** Everything main.ts and the e2e tests both need: one composition of the HTTP app. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.useLogger(appLogger(app));
  express.disable('x-powered-by');
  express.set('trust proxy', config.http.trustProxy);
  express.set('query parser', 'extended');
  express.use(requestIdMiddleware);
  express.use(httpMetricsMiddleware(app.get(MetricsService)));
  express.use(noStoreMiddleware(API_PREFIX));
  // Everything is JSON or self-contained HTML (reports: one inline <style>, no script), so no
  // inline script may run; only the Swagger UI under /api/docs needs inline scripts.
  const headers = (scriptSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc,
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    });
  const strictHeaders = headers(["'self'"]);
  const docsHeaders = headers(["'self'", "'unsafe-inline'"]);
  express.use((req: Request, res: Response, next: NextFunction) =>
    (req.path === `/${DOCS_PATH}` || req.path.startsWith(`/${DOCS_PATH}/`) ? docsHeaders : strictHeaders)(req, res, next),
  );
  // the web app (apps/web/dist, or WEB_DIST_DIR) from the same origin, under the strict CSP:
  // Vite's build has no inline script. Never answers /api, /health or /metrics.
  express.use(webAppMiddleware(resolveWebDistDir()) ?? webAppMissingHandler());
  if (config.http.corsOrigins.length > 0) {
    express.enableCors({ origin: config.http.corsOrigins, credentials: false, exposedHeaders: CORS_EXPOSED_HEADERS });
  }
  // before the body is read and before any guard: every answer is counted and carries the headers
  express.use(rateLimitBudgetMiddleware(config, app.get(RateLimitStorage)));
  express.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  express.useBodyParser('text', { limit: BODY_LIMIT, type: ['text/csv', 'text/plain'] });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  setApiPrefix(app);
  express.useGlobalPipes(createValidationPipe());
  express.useGlobalFilters(new ProblemFilter());
  express.enableShutdownHooks();

  if (config.http.docsEnabled) {
    SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), { jsonDocumentUrl: DOCS_JSON_PATH });
  }
}
