import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { ProblemFilter } from '../errors/problem.filter';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsService } from '../metrics/metrics.service';
import { requestIdMiddleware } from './request-context';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '1mb';

/** Everything main.ts and the e2e tests both need: one composition of the HTTP app. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(PinoLogger));
  express.disable('x-powered-by');
  express.set('trust proxy', config.http.trustProxy);
  express.set('query parser', 'extended');
  express.use(requestIdMiddleware);
  express.use(httpMetricsMiddleware(app.get(MetricsService)));
  express.use(
    helmet({
      // Swagger UI needs inline scripts and styles; everything else is JSON or self-contained HTML.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  express.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  express.useBodyParser('text', { limit: BODY_LIMIT, type: ['text/csv', 'text/plain'] });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  if (config.http.corsOrigins.length > 0) {
    express.enableCors({ origin: config.http.corsOrigins, credentials: false, exposedHeaders: ['X-Request-Id'] });
  }
  express.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  express.useGlobalPipes(createValidationPipe());
  express.useGlobalFilters(new ProblemFilter());
  express.enableShutdownHooks();

  if (config.http.docsEnabled) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Leadpanel API')
        .setDescription('Lead-user research panel manager. Errors are application/problem+json (RFC 9457).')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
}
