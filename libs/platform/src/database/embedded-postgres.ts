import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Embedded mode: a PGlite (real Postgres compiled to WASM) served on a loopback
 * port by pglite-socket, so that the application uses the ordinary `pg` driver
 * in both modes. PGlite is a single session, so the pool in front of it has
 * exactly one connection: transactions are serialised by the pool and one
 * request's rollback can never leak into another's.
 *
 * One instance per process; the data directory belongs to one process at a time.
 */
export class EmbeddedPostgres {
  private static instance: EmbeddedPostgres | null = null;
  private static starting: Promise<EmbeddedPostgres> | null = null;
  private readonly logger = new Logger('EmbeddedPostgres');

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  /**
   * Opens the embedded database at `dataDir` (once per process). `from` is a data directory
   * dumped by `dump()`, loaded instead of initialising an empty cluster: the tests start each
   * app from one migrated copy (libs/platform/src/testing/template-database.ts), `quiet`ly.
   */
  static async start(dataDir: string, { from, quiet = false }: { from?: Blob; quiet?: boolean } = {}): Promise<EmbeddedPostgres> {
    if (EmbeddedPostgres.instance) {
      if (EmbeddedPostgres.instance.dataDir !== dataDir) {
        throw new Error(`Embedded database already open at ${EmbeddedPostgres.instance.dataDir}`);
      }
      return EmbeddedPostgres.instance;
    }
    if (!EmbeddedPostgres.starting) {
      EmbeddedPostgres.starting = EmbeddedPostgres.boot(dataDir, from, quiet).finally(() => {
        EmbeddedPostgres.starting = null;
      });
    }
    return EmbeddedPostgres.starting;
  }

  private static async boot(dataDir: string, from: Blob | undefined, quiet: boolean): Promise<EmbeddedPostgres> {
    if (!dataDir.startsWith('memory://')) {
      mkdirSync(dataDir, { recursive: true });
      EmbeddedPostgres.takeLock(dataDir);
    }
    const db = from ? await PGlite.create({ dataDir, loadDataDir: from }) : await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    const address = server.getServerConn();
    const instance = new EmbeddedPostgres(db, server, `postgres://postgres:postgres@${address}/postgres`, dataDir);
    if (!quiet) instance.logger.log(`embedded PostgreSQL (PGlite) at ${dataDir}, serving ${address}`);
    EmbeddedPostgres.instance = instance;
    return instance;
  }

  /**
   * PGlite has no lock between processes, and two processes on one data directory
   * corrupt it: refuse clearly while another live process holds it.
   */
  private static takeLock(dataDir: string): void {
    const lockFile = `${dataDir}.lock`;
    try {
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && EmbeddedPostgres.alive(pid)) {
        throw new Error(
          `the embedded database ${dataDir} is in use by process ${pid}; stop it first (only one process may open it: run CLI commands before or after the API, not beside it)`,
        );
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    writeFileSync(lockFile, String(process.pid));
  }

  private static alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  static current(): EmbeddedPostgres | null {
    return EmbeddedPostgres.instance;
  }

  /** The whole data directory as an uncompressed tarball, for `start(dataDir, from)`. */
  async dump(): Promise<Blob> {
    return this.db.dumpDataDir('none');
  }

  async stop(): Promise<void> {
    if (EmbeddedPostgres.instance !== this) return;
    EmbeddedPostgres.instance = null;
    await this.server.stop();
    await this.db.close();
    if (!this.dataDir.startsWith('memory://')) rmSync(`${this.dataDir}.lock`, { force: true });
  }
}
