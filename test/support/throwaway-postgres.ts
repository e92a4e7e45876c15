import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** Where the PostgreSQL server binaries are: PG_BIN, else the Debian layout of PostgreSQL 15, else pg_config. */
async function binDir(): Promise<string> {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'].filter((d): d is string => !!d);
  for (const d of candidates) if (existsSync(join(d, 'pg_ctl'))) return d;
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    if (existsSync(join(stdout.trim(), 'pg_ctl'))) return stdout.trim();
  } catch {
    /* not on PATH */
  }
  throw new Error('PostgreSQL server binaries not found: install PostgreSQL 15 or set PG_BIN to the folder holding initdb and pg_ctl');
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster of its own, in a temporary folder on a free loopback port, for
 * tests that stop and start the server (outages). Never the machine's shared server.
 * As root, initdb and pg_ctl run as the `postgres` user (initdb refuses root).
 */
export class ThrowawayPostgres {
  private watchdog: ChildProcess | null = null;

  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'pgdata');
  }

  get logFile(): string {
    return join(this.dir, 'log', 'postgres.log');
  }

  /** URL of a database on this cluster (as the trusted superuser `postgres`). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async create(): Promise<ThrowawayPostgres> {
    const bin = await binDir();
    const dir = await mkdtemp(join(tmpdir(), 'lp-pg-'));
    const asPostgres = process.getuid?.() === 0;
    const cluster = new ThrowawayPostgres(bin, dir, await freeLoopbackPort(), asPostgres);
    try {
      await mkdir(cluster.dataDir);
      await mkdir(join(dir, 'log'));
      if (asPostgres) {
        const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
        const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
        for (const d of [dir, cluster.dataDir, join(dir, 'log')]) await chown(d, uid, gid);
      }
      await cluster.pg('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
      cluster.watch();
      await cluster.start();
      return cluster;
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const opts = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${this.dataDir}`, // the Unix socket stays inside the data folder, not in /var/run/postgresql
      '-c fsync=off',
      '-c max_connections=40',
    ].join(' ');
    await this.pg('pg_ctl', ['-D', this.dataDir, '-o', opts, '-l', this.logFile, '-w', '-t', '30', 'start']);
  }

  /** Kills the server the hard way (`-m immediate`): open connections drop without a goodbye, as in a crash. */
  async stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  async createDatabase(name: string): Promise<string> {
    const admin = new Client({ connectionString: this.url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    return this.url(name);
  }

  /**
   * A Jest worker killed mid-test (timeout, Ctrl-C, SIGKILL) runs no afterAll: a detached shell
   * waits for this process to end, then stops the server and removes the folder.
   */
  private watch(): void {
    const pgCtl = join(this.bin, 'pg_ctl');
    const stop = `${this.asPostgres ? 'runuser -u postgres -- ' : ''}"${pgCtl}" -D "${this.dataDir}" -m immediate stop`;
    const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stop} >/dev/null 2>&1; rm -rf "${this.dir}"`;
    this.watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
    this.watchdog.unref();
  }

  /** Stops the server if it runs (falling back to a signal) and removes the folder. Never throws. */
  async destroy(): Promise<void> {
    if (this.watchdog?.pid) {
      try {
        process.kill(this.watchdog.pid);
      } catch {
        /* already gone */
      }
    }
    try {
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.stop();
    } catch {
      try {
        const pid = Number((await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  async log(): Promise<string> {
    return readFile(this.logFile, 'utf8').catch(() => '');
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const path = join(this.bin, tool);
    const [cmd, argv] = this.asPostgres ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    try {
      await run(cmd, argv, { timeout: 60_000 });
    } catch (err) {
      const e = err as Error & { stderr?: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.message}\n${await this.log()}`);
    }
  }
}
