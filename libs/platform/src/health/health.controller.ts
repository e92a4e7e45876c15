import { Controller, Get, Header, HttpCode, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { metricsAccess } from '../metrics/metrics-access';
import { MetricsService } from '../metrics/metrics.service';
import { JobQueue } from '../queue/job-queue';

function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);
}

/** Liveness, readiness and metrics, outside /api/v1. */
@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('health')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    const [database, queue] = await Promise.all([
      within(
        this.dataSource.query('SELECT 1').then(() => true),
        2000,
        false,
      ),
      this.queue.kind === 'bullmq' ? within(this.queue.ping(), 2000, false) : Promise.resolve(true),
    ]);
    const ok = database && queue;
    const checks: Record<string, 'up' | 'down'> = { database: database ? 'up' : 'down' };
    if (this.queue.kind === 'bullmq') checks.redis = queue ? 'up' : 'down';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Req() req: Request, @Res() res: Response): Promise<void> {
    metricsAccess(this.config.metrics, req.header('authorization'));
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
