import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appLogger, loadConfigOrExit } from '@leadpanel/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const base = loadConfigOrExit();
  if (!base.queue.redisUrl || !base.database.url) {
    process.stderr.write('The worker needs REDIS_URL and DATABASE_URL; without them the API runs the jobs itself (embedded mode).\n');
    process.exit(1);
  }
  const config = { ...base, queue: { ...base.queue, runWorkers: true } };
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(appLogger(app));
  app.enableShutdownHooks();
  new Logger('Worker').log(`processing jobs from ${config.queue.prefix} with concurrency ${config.queue.concurrency}`);
}

void bootstrap();
