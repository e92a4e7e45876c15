import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { SmtpListener, type ReceivedMail } from '../../support/smtp';
import { ADMIN, ENV } from './env';

const ROOT = resolve(__dirname, '..', '..', '..');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WEB_INDEX = join(ROOT, 'apps', 'web', 'dist', 'index.html');
/** Debian's Chromium, which playwright.config.ts launches (Playwright never downloads a browser here) */
const CHROMIUM = '/usr/bin/chromium';
/** The API's output of the last run (stdout and stderr), for a failure's post-mortem. */
const API_LOG = join(ROOT, 'var', 'browser', 'api.log');

function freeLoopbackPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function dropRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Waits for `/health/ready` to answer 200, or for the process to die. */
async function waitReady(url: string, proc: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`the API exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API was not ready within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(proc: ChildProcess | null, timeoutMs = 10_000): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    proc.kill('SIGTERM');
  });
}

/**
 * For the whole browser run: an SMTP listener whose accepted messages are written as JSON
 * files into a temporary folder (tests read them: support/mail.ts), and the BUILT API on a
 * free loopback port with a fresh database (`leadpanel_test_browser_<hex>` on DATABASE_URL's
 * server, else an embedded PGlite in a temporary folder), jobs run by the API itself.
 * Returns the teardown, which stops everything and removes what it made; a failing setup
 * cleans up the same way before it throws.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); Playwright never downloads a browser here`,
    );
  }
  if (!existsSync(API_MAIN) || !existsSync(WEB_INDEX)) {
    console.log('\nbrowser tests: dist/ or apps/web/dist is missing, running npm run build');
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  }

  const run = randomBytes(4).toString('hex');
  const temp = mkdtempSync(join(tmpdir(), 'lp-browser-'));
  const mailDir = join(temp, 'mail');
  mkdirSync(mailDir);
  let smtp: SmtpListener | null = null;
  let api: ChildProcess | null = null;
  let watchdog: ChildProcess | null = null;
  let database: { server: string; name: string } | null = null;
  const redisUrl = process.env.REDIS_URL || null;
  const queuePrefix = `lp-test-browser-${run}`;

  let stopping = false;
  const teardown = async (): Promise<void> => {
    stopping = true;
    process.off('exit', killOnExit);
    if (watchdog?.pid) {
      try {
        process.kill(watchdog.pid);
      } catch {
        // already gone
      }
    }
    await stop(api);
    await smtp?.close().catch(() => undefined);
    if (database) {
      const { server, name } = database;
      await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((err: Error) =>
        console.error(`browser tests: could not drop ${name}: ${err.message}`),
      );
    }
    if (redisUrl) await dropRedisPrefix(redisUrl, queuePrefix).catch(() => undefined);
    rmSync(temp, { recursive: true, force: true });
  };
  // the runner killed (Ctrl-C) runs no teardown: at least the API does not outlive it
  const killOnExit = (): void => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  try {
    smtp = await SmtpListener.start();
    let seq = 0;
    const messages = smtp.messages;
    const push = messages.push.bind(messages);
    messages.push = (...mails: ReceivedMail[]): number => {
      for (const m of mails) {
        const file = join(mailDir, `${Date.now()}-${String(seq++).padStart(5, '0')}.json`);
        writeFileSync(`${file}.tmp`, JSON.stringify(m));
        // a reader never sees a half-written message
        renameSync(`${file}.tmp`, file);
      }
      return push(...mails);
    };

    const port = await freeLoopbackPort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      SMTP_URL: smtp.url,
      MAIL_DIR: join(temp, 'mail-files'),
      JWT_SECRET: randomBytes(48).toString('base64url'),
      CARRIER_WEBHOOK_SECRET: 'browser-tests-carrier-webhook-secret',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      // every request comes from one loopback address
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      // every test signs in from 127.0.0.1: the per-address login budget (default 30 a minute) would refuse a fast run
      LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: '100000',
      // argon2id at 1 MiB, as in the Jest tiers: the journeys join and sign in many panellists
      PASSWORD_HASH_MEMORY_KIB: '1024',
      // the API works its own jobs (with Redis too): no separate worker to start and stop
      RUN_WORKERS: 'true',
      QUEUE_PREFIX: queuePrefix,
    };
    if (process.env.DATABASE_URL) {
      const name = `leadpanel_test_browser_${run}`;
      await onServer(process.env.DATABASE_URL, `CREATE DATABASE "${name}"`);
      database = { server: process.env.DATABASE_URL, name };
      env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, name);
      delete env.PGLITE_DIR;
    } else {
      delete env.DATABASE_URL;
      env.PGLITE_DIR = join(temp, 'pglite');
    }
    if (!redisUrl) delete env.REDIS_URL;

    let output = '';
    mkdirSync(join(ROOT, 'var', 'browser'), { recursive: true });
    const log = createWriteStream(API_LOG);
    api = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // a runner killed the hard way (SIGKILL) runs neither teardown nor exit handlers: a detached
    // shell waits for it to end, then kills the API and removes the temporary folder
    // (and drops the database with psql when there is one: best effort)
    const dropDb = database
      ? `; psql "${withDatabase(database.server, 'postgres')}" -qc 'DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)' >/dev/null 2>&1`
      : '';
    const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 ${api.pid} 2>/dev/null; rm -rf "${temp}"${dropDb}`;
    watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
    watchdog.unref();
    const keep = (chunk: Buffer): void => {
      log.write(chunk);
      output = (output + chunk.toString()).slice(-20_000);
    };
    api.stdout?.on('data', keep);
    api.stderr?.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (process.env.BROWSER_API_LOG === '1') process.stderr.write(chunk);
    });
    await waitReady(baseUrl, api, () => output);
    api.once('exit', (code, signal) => {
      if (!stopping) console.error(`\nbrowser tests: the API exited (${code ?? signal}) during the run; its output is in ${API_LOG}`);
    });

    process.env[ENV.baseUrl] = baseUrl;
    process.env[ENV.mailDir] = mailDir;
    console.log(
      `\nbrowser tests: API ${baseUrl} on ${database ? `PostgreSQL database ${database.name}` : 'embedded PGlite'}` +
        `${redisUrl ? ` and Redis prefix ${queuePrefix}` : ', in-process jobs'}; SMTP ${smtp.url}`,
    );
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}
