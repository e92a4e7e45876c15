import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OutboxService } from '../outbox/outbox.service';
import { JobQueue } from '../queue/job-queue';

/** Prometheus metrics: process defaults, HTTP latency, queue depth, outbox backlog. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpErrors: Counter<'status'>;

  constructor(queue: JobQueue, outbox: OutboxService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'leadpanel_' });
    this.httpDuration = new Histogram({
      name: 'leadpanel_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.httpErrors = new Counter({
      name: 'leadpanel_http_server_errors_total',
      help: 'Responses with a 5xx status',
      labelNames: ['status'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'leadpanel_queue_jobs',
      help: 'Jobs in the queue by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        try {
          const c = await queue.counts();
          for (const [state, n] of Object.entries(c)) this.set({ state }, n);
        } catch {
          /* queue unreachable: keep the last values */
        }
      },
    });
    new Gauge({
      name: 'leadpanel_outbox_pending',
      help: 'Outbox messages whose job has not run yet (due, delayed, or held by the queue)',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await outbox.pendingCount());
        } catch {
          /* database unreachable */
        }
      },
    });
  }
}
