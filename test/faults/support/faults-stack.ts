import { randomBytes } from 'node:crypto';
import { SmtpListener } from '../../support/smtp';
import { ThrowawayPostgres } from '../../support/throwaway-postgres';
import {
  ADMIN,
  createDatabase,
  RedisServer,
  removeQueueKeys,
  services,
  startStack,
  stopAll,
  type LeadpanelProcess,
  type Stack,
  type TestDatabase,
} from './servers';

export interface FaultsStackOptions {
  /** names the test's database */
  label: string;
  /** 'own': a throwaway PostgreSQL cluster the test may stop; else a database on DATABASE_URL */
  postgres?: 'shared' | 'own';
  /** 'own': a redis-server the test may stop; else a queue prefix of its own on REDIS_URL */
  redis?: 'shared' | 'own';
  /** more environment of every process */
  env?: Record<string, string>;
  /** starts a worker named 'worker' with this extra environment; none if omitted */
  worker?: Record<string, string>;
  /** waits for the admin's account e-mail (sent at the API's first start) before the tests */
  adminMail?: boolean;
}

/** The servers and processes of a faults file. */
interface Parts {
  stack: Stack;
  smtp: SmtpListener;
  /** the database on the shared PostgreSQL (postgres 'shared') */
  db: TestDatabase;
  /** the throwaway cluster (postgres 'own') */
  pg: ThrowawayPostgres;
  /** the redis-server of the file's own (redis 'own') */
  redis: RedisServer;
  /** the worker started with the stack (`worker` given) */
  worker: LeadpanelProcess;
}

/** What a faults file's tests use; each part throws if the file's options did not ask for it. */
export type FaultsStack = Readonly<Parts> & {
  /** every process started, stopped in reverse order after the file */
  readonly processes: LeadpanelProcess[];
};

const PART_NAMES: Record<keyof Parts, string> = {
  stack: 'stack',
  smtp: 'SMTP listener',
  db: "database on the shared server (postgres 'shared')",
  pg: "PostgreSQL cluster of its own (postgres 'own')",
  redis: "redis-server of its own (redis 'own')",
  worker: 'worker (option `worker`)',
};

/**
 * The set-up every faults file shares, as beforeAll/afterAll of the calling describe: a database,
 * Redis (a prefix or a server), an SMTP listener and the built API (with the bootstrap admin),
 * optionally a worker; afterwards everything is stopped and removed, whatever failed.
 */
export function faultsStack(opts: FaultsStackOptions): FaultsStack {
  const processes: LeadpanelProcess[] = [];
  const prefix = `lp-faults-${randomBytes(3).toString('hex')}`;
  const parts: Partial<Parts> = {};

  beforeAll(async () => {
    const shared = services();
    let databaseUrl: string;
    if (opts.postgres === 'own') {
      parts.pg = await ThrowawayPostgres.create();
      databaseUrl = await parts.pg.createDatabase(`leadpanel_test_faults_${opts.label}_${randomBytes(3).toString('hex')}`);
    } else {
      parts.db = await createDatabase(shared.databaseUrl, opts.label);
      databaseUrl = parts.db.url;
    }
    if (opts.redis === 'own') parts.redis = await RedisServer.create();
    const smtp = (parts.smtp = await SmtpListener.start());
    const stack = (parts.stack = await startStack(processes, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: parts.redis?.url ?? shared.redisUrl,
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      ...opts.env,
    }));
    if (opts.worker) parts.worker = await stack.startWorker('worker', opts.worker);
    if (opts.adminMail) await smtp.waitFor(ADMIN.email);
  }, 120_000);

  afterAll(async () => {
    const { smtp, redis, pg, db } = parts;
    smtp?.hold(false); // a held sender would keep a process from stopping
    await stopAll(processes);
    await smtp?.close();
    await redis?.destroy();
    await pg?.destroy();
    await db?.drop().catch(() => undefined);
    if (!redis) await removeQueueKeys(services().redisUrl, prefix).catch(() => undefined);
  }, 60_000);

  const fixture = { processes } as FaultsStack;
  for (const key of Object.keys(PART_NAMES) as Array<keyof Parts>) {
    Object.defineProperty(fixture, key, {
      get: () => {
        const part = parts[key];
        if (part === undefined) throw new Error(`the faults stack has no ${PART_NAMES[key]}, or it failed to start`);
        return part;
      },
    });
  }
  return fixture;
}
