import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
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
  async metricsText(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
