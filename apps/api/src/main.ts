import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureApp, loadConfigOrExit } from '@leadpanel/platform';
import { ApiModule } from '@leadpanel/composition';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    rawBody: true,
  });
  configureApp(app, config);
  await app.listen(config.http.port, '0.0.0.0');
  const mode = config.database.url ? 'PostgreSQL' : `embedded PGlite (${config.database.pgliteDir})`;
  const jobs = config.queue.redisUrl ? (config.queue.runWorkers ? 'BullMQ, processed here' : 'BullMQ, processed by workers') : 'in-process';
  process.stdout.write(
    `Leadpanel API on ${config.http.publicBaseUrl} — database: ${mode}; jobs: ${jobs}; mail: ${config.mail.smtpUrl ? 'SMTP' : config.mail.mailDir}\n` +
      (config.http.docsEnabled ? `API docs: ${config.http.publicBaseUrl}/api/docs\n` : ''),
  );
}

void bootstrap();
