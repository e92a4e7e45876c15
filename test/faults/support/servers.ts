import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { eventually } from '@leadpanel/platform/testing';

/**
 * Real servers for the fault tests: the built API and worker (`dist/`) as child processes, a
 * redis-server of the test's own, a database of the test's own on the shared PostgreSQL. Each
 * child has a watchdog (a detached shell) that kills it should the Jest process die without
 * running its afterAll, so nothing is left running whatever happens.
 */

export const ROOT = join(__dirname, '..', '..', '..');

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** How the faults tests poll (`eventually` of @leadpanel/platform/testing): servers restart, so a probe that throws is "not yet". */
export const RESTARTING = { retryErrors: true, intervalMs: 100 } as const;

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Kills `pid` (and removes `dir`) once this process is gone, unless `pid` ended first. */
function watchdog(pid: number, dir?: string): ChildProcess {
  const cleanup = `kill -9 ${pid} 2>/dev/null${dir ? `; rm -rf "${dir}"` : ''}`;
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done; ${cleanup}`;
  const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  dog.unref();
  return dog;
}

function stopWatchdog(dog: ChildProcess | null): void {
  if (dog?.pid) {
    try {
      process.kill(dog.pid);
    } catch {
      /* already gone */
    }
  }
}

/** The environment the faults tier needs: the shared PostgreSQL and Redis (as in CI's services mode). */
export function services(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('the fault tests need DATABASE_URL and REDIS_URL (docs/testing.md)');
  return { databaseUrl, redisUrl };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), application_name: 'leadpanel-faults-setup' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  /** runs one statement on the database and returns its rows */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh database (`leadpanel_test_faults_…`) on the server of `serverUrl`, dropped by `drop()`. */
export async function createDatabase(serverUrl: string, label: string): Promise<TestDatabase> {
  const name = `leadpanel_test_faults_${label}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
      const client = new Client({ connectionString: url.toString(), application_name: 'leadpanel-faults-test' });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as R[];
      } finally {
        await client.end();
      }
    },
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Removes the keys of a BullMQ prefix (the tests' own, on the shared Redis). */
export async function removeQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
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

/** A redis-server of the test's own on a loopback port, without persistence (it comes back empty). */
export class RedisServer {
  private child: ChildProcess | null = null;
  private dog: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async create(): Promise<RedisServer> {
    const server = new RedisServer(await freeLoopbackPort(), await mkdtemp(join(tmpdir(), 'lp-redis-')));
    try {
      await server.start();
      return server;
    } catch (err) {
      await server.destroy();
      throw err;
    }
  }

  /** Starts it (again, on the same port) and waits until it answers PING. */
  async start(): Promise<void> {
    if (this.running) throw new Error('redis-server runs already');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
    if (child.pid) this.dog = watchdog(child.pid, this.dir);
    await eventually(
      `redis-server on port ${this.port} answers`,
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited ${child.exitCode}: ${output}`);
        return (await this.ping()) ? true : undefined;
      },
      RESTARTING,
    );
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM: with no persistence configured, Redis saves nothing and exits; its data is gone. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    await this.exited;
    stopWatchdog(this.dog);
    this.dog = null;
  }

  ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1000, () => done(false));
      socket.once('error', () => done(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    });
  }

  /** Stops it if it runs and removes its folder. Never throws. */
  async destroy(): Promise<void> {
    try {
      if (this.running) {
        this.child!.kill('SIGKILL');
        await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
      }
    } catch {
      /* already gone */
    }
    stopWatchdog(this.dog);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** The entry points `npm run build` makes; the faults tier runs the built processes. */
export function built(app: 'api' | 'worker'): string {
  const file = join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:faults does)`);
  return file;
}

/** A built Leadpanel process (API or worker), its output kept for the assertions and for failures. */
export class LeadpanelProcess {
  output = '';
  private readonly dog: ChildProcess | null;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.dog = child.pid ? watchdog(child.pid) : null;
  }

  static spawn(name: string, app: 'api' | 'worker', env: Record<string, string>): LeadpanelProcess {
    const child = spawn(process.execPath, [built(app)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new LeadpanelProcess(name, child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until `probe` says the process is ready; fails at once, with its output, if it exits. */
  async ready(probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    await eventually(
      `${this.name} is ready`,
      async () => {
        if (!this.alive) throw new Error(`${this.name} exited: ${this.output}`);
        return (await probe()) ? true : undefined;
      },
      { ...RESTARTING, timeoutMs },
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- ${this.name} output ---\n${this.output.slice(-4000)}`);
    });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. Never throws. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.alive) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    stopWatchdog(this.dog);
  }
}

/** A built API process on a loopback port of its own. */
export interface ApiProcess {
  process: LeadpanelProcess;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
}

/** What every fault test's processes share: the built API on a free port, and workers. */
export interface Stack {
  api: LeadpanelProcess;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
  env: Record<string, string>;
  startWorker(name: string, extra?: Record<string, string>): Promise<LeadpanelProcess>;
  /** another API process on the same database, Redis prefix and secret (as behind a load balancer) */
  startApi(name: string, extra?: Record<string, string>): Promise<ApiProcess>;
}

export const ADMIN = { email: 'admin@faults.leadpanel.test', password: 'faults-admin-password' };
export const PUBLIC_BASE_URL = 'https://panel.leadpanel.test';

async function spawnApi(processes: LeadpanelProcess[], name: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freeLoopbackPort();
  const api = LeadpanelProcess.spawn(name, 'api', { ...env, PORT: String(port) });
  processes.push(api);
  const baseUrl = `http://127.0.0.1:${port}`;
  const http = (): ReturnType<typeof request> => request(baseUrl);
  await api.ready(async () => (await http().get('/health/ready')).status === 200);
  return { process: api, baseUrl, http };
}

/**
 * Starts the API (it migrates the fresh database and creates the admin; it enqueues and dispatches
 * but runs no jobs) and waits for it; `startWorker` starts a worker on the same database and queue.
 */
export async function startStack(
  processes: LeadpanelProcess[],
  env: { DATABASE_URL: string; REDIS_URL: string; QUEUE_PREFIX: string; SMTP_URL: string } & Record<string, string>,
): Promise<Stack> {
  const common: Record<string, string> = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    PUBLIC_BASE_URL,
    // the tests apply and log in more often than a person would
    PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: '10000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '10000',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  };
  const apiEnv = { ...common, RUN_WORKERS: 'false', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password };
  const { process: api, baseUrl, http } = await spawnApi(processes, 'api', apiEnv);
  return {
    api,
    baseUrl,
    http,
    env: common,
    async startWorker(name, extra = {}) {
      // LOG_LEVEL info: the worker says when it processes jobs
      const worker = LeadpanelProcess.spawn(name, 'worker', { ...common, LOG_LEVEL: 'info', ...extra });
      processes.push(worker);
      await worker.ready(() => Promise.resolve(worker.output.includes('processing jobs from')));
      return worker;
    },
    startApi: (name, extra = {}) => spawnApi(processes, name, { ...apiEnv, ...extra }),
  };
}

/** Stops every process (SIGTERM, then SIGKILL), in reverse order. Never throws. */
export async function stopAll(processes: LeadpanelProcess[]): Promise<void> {
  for (const p of [...processes].reverse()) await p.stop().catch(() => undefined);
}
