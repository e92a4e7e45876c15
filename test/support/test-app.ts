import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { configureApp, loadConfig, OutboxDispatcher, type AppConfig, type Role } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { newStore } from '@leadpanel/platform/testing';
import { ApiModule } from '@leadpanel/composition';
import { SmtpListener } from './smtp';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  smtp: SmtpListener;
  http: () => ReturnType<typeof request>;
  /** a new staff user with a unique e-mail, and its access token */
  staff(role: Exclude<Role, 'panellist'>, brandId?: string): Promise<TestUser>;
  login(email: string, password: string): Promise<{ accessToken: string; refreshToken: string }>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

/** A unique, readable e-mail address for this test run. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

export function assertTestDatabase(config: AppConfig): void {
  if (config.database.url && !new URL(config.database.url).pathname.includes('test')) {
    throw new Error(`refusing to run tests against ${new URL(config.database.url).pathname.slice(1)}: its name lacks "test"`);
  }
}

/**
 * The composed API, as main.ts builds it, plus the job processors (services
 * mode: BullMQ on the run's Redis prefix; embedded: in-process), with e-mail
 * going to a real SMTP listener on loopback.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const smtp = await SmtpListener.start();
  // services mode: a database and queue prefix of its own, so that no other test file's app
  // (each dispatches the outbox and works the queue) takes this app's jobs or mail
  const store = env.DATABASE_URL ? null : await newStore();
  const own: Record<string, string> = {};
  if (store?.databaseUrl) own.DATABASE_URL = store.databaseUrl;
  if (store?.queuePrefix) own.QUEUE_PREFIX = store.queuePrefix;
  // every test request comes from one loopback address, test files join dozens of panellists and
  // log in as many users: the per-address limits (applications, logins, the per-caller budget)
  // are lifted unless a test (or the environment) sets them
  const config = loadConfig({
    PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...process.env,
    // the run's 1 MiB argon2 (global-setup.ts) is below what production accepts: a test of the
    // production defaults hashes with production's least
    ...(env.NODE_ENV === 'production' ? { PASSWORD_HASH_MEMORY_KIB: '19456' } : {}),
    SMTP_URL: smtp.url,
    RUN_WORKERS: 'true',
    ...own,
    ...env,
  });
  assertTestDatabase(config);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    rawBody: true,
    logger: ['error'],
  });
  configureApp(app, config);
  await app.init();
  const server = app.getHttpServer();
  const http = (): ReturnType<typeof request> => request(server);

  const login = async (email: string, password: string) => {
    const res = await http().post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { accessToken: string; refreshToken: string };
  };

  return {
    app,
    config,
    smtp,
    http,
    login,
    async staff(role, brandId) {
      const email = uniqueEmail(role);
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const user = await app.get(UsersService).createStaff({ email, password, role, brandId });
      const tokens = await login(email, password);
      return { id: user.id, email, password, token: tokens.accessToken, refreshToken: tokens.refreshToken };
    },
    async close() {
      await app
        .get(OutboxDispatcher)
        .drain()
        .catch(() => undefined);
      try {
        await app.close();
        await smtp.close();
      } finally {
        await store?.drop();
      }
    },
  };
}
