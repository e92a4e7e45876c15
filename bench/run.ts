/**
 * `npm run bench` / `npm run bench:smoke`: every workload interleaved with its baseline in the
 * same run (warm-up, then A B A B … for at least 3 rounds), the medians, the ratio workload ÷
 * baseline and its target, printed as a table and written as JSON (bench/results/latest.json
 * for a full run of all seven). A missed target is reported, never an error; a workload that
 * fails to run is an error (exit 1).
 *
 * Options: --smoke (tiny data, 1 round, short loads: checks that everything runs),
 * --rounds N, --only 1,4,7, --reseed, --panellists N, --responses M (data set of a full run).
 * Environment: DATABASE_URL (the server; the bench uses its own database, BENCH_DATABASE,
 * default leadpanel_bench / leadpanel_bench_smoke), REDIS_URL (key prefix BENCH_QUEUE_PREFIX,
 * default lp-bench / lp-bench-smoke). See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { SEED_DEFAULTS, SUBMIT_POOL_FULL, SUBMIT_POOL_SMOKE, type Dataset } from './dataset';
import { appEnv, benchEnv, BenchEnvError, ensureDatabase, type BenchEnv } from './lib/env';
import { signAccessToken } from './lib/jwt';
import { freePort, IpcChild, runCommand, startNode, stopAll, waitForHttp, type Started } from './lib/proc';
import { fmt, median, round } from './lib/stats';
import type { BenchContext, Workload } from './lib/workload';
import { readDataset } from './seed';
import { health } from './workloads/w1-health';
import { study } from './workloads/w2-study';
import { eligibility } from './workloads/w3-preview';
import { wave } from './workloads/w4-wave';
import { drain } from './workloads/w5-drain';
import { submit } from './workloads/w6-submit';
import { report } from './workloads/w7-report';

const WORKLOADS: Workload[] = [health, study, eligibility, wave, drain, submit, report];
const SMOKE_DATA = { panellists: 2_000, responses: 20_000 };
const DIST = resolve(__dirname, '..');

export interface ResultRow {
  id: number;
  name: string;
  workload: number | null;
  baseline: number | null;
  unit: string;
  ratio: number | null;
  target: string;
  pass: boolean;
  /** what was measured on each side */
  measures: { workload: string; baseline: string };
  samples: { workload: number[]; baseline: number[] };
  extra?: Record<string, number>;
  note?: string;
  error?: string;
}

export interface Results {
  env: { node: string; postgres: string; redis: string; cpus: string; dataset: Record<string, unknown> };
  mode: 'full' | 'smoke' | 'partial';
  rounds: number;
  startedAt: string;
  seconds: number;
  rows: ResultRow[];
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function whole(name: string, raw: string | undefined, def: number): number {
  if (raw === undefined) return def;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new BenchEnvError(`--${name} must be a positive whole number (got "${raw}")`);
  return n;
}

async function clearRedis(env: BenchEnv): Promise<void> {
  const r = new Redis(env.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${env.queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

/** Puts back what a previous (interrupted) run may have left: the seed writes none of these rows. */
async function restore(pg: Pool, d: Dataset): Promise<void> {
  await pg.query(`DELETE FROM outbox_messages WHERE topic <> 'surveys.reminder'`);
  await pg.query(`UPDATE outbox_messages SET status = 'pending' WHERE status <> 'pending'`);
  await pg.query('DELETE FROM email_messages');
  await pg.query('DELETE FROM reports');
  await pg.query('DELETE FROM audit_log');
  await pg.query('DELETE FROM study_invitations WHERE study_id = $1', [d.studies.wave]);
  await pg.query('DELETE FROM study_waves WHERE study_id = $1', [d.studies.wave]);
  await pg.query('DELETE FROM study_pseudonyms');
  await pg.query('VACUUM (ANALYZE) outbox_messages, email_messages, reports, audit_log, study_invitations, study_waves');
}

/** Two decimals, three below 0.1 (a ratio of 0.053 is not 0.05). */
function ratioText(r: number): string {
  return r < 0.1 ? r.toFixed(3) : r.toFixed(2);
}

function passes(w: Workload, ratio: number): boolean {
  return w.better === 'higher' ? ratio >= w.target.ratio : ratio <= w.target.ratio;
}

export function table(rows: readonly ResultRow[]): string {
  const head = ['#', 'workload', 'workload', 'baseline', 'unit', 'ratio', 'target', ''];
  const body = rows.map((r) => [
    String(r.id),
    r.name,
    r.workload === null ? '—' : fmt(r.workload),
    r.baseline === null ? '—' : fmt(r.baseline),
    r.unit,
    r.ratio === null ? '—' : ratioText(r.ratio),
    r.target,
    r.error ? 'ERROR' : r.pass ? 'PASS' : `MISS${r.note ? ` (${r.note})` : ''}`,
  ]);
  const all = [head, ...body];
  const width = head.map((_, i) => Math.max(...all.map((row) => [...row[i]].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c + ' '.repeat(width[i] - [...c].length)).join(' | ')} |`;
  return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      only: { type: 'string' },
      reseed: { type: 'boolean', default: false },
      panellists: { type: 'string' },
      responses: { type: 'string' },
    },
  });
  const smoke = values.smoke ?? false;
  const env = benchEnv(process.env, { smoke, needRedis: true });
  const rounds = whole('rounds', values.rounds, smoke ? 1 : 3);
  const only = values.only ? new Set(values.only.split(',').map((s) => Number(s.trim()))) : null;
  const selected = WORKLOADS.filter((w) => !only || only.has(w.id));
  const wanted = smoke
    ? { ...SMOKE_DATA, seed: SEED_DEFAULTS.seed, submitPool: SUBMIT_POOL_SMOKE }
    : {
        panellists: whole('panellists', values.panellists, SEED_DEFAULTS.panellists),
        responses: whole('responses', values.responses, SEED_DEFAULTS.responses),
        seed: SEED_DEFAULTS.seed,
        submitPool: SUBMIT_POOL_FULL,
      };
  const started = Date.now();
  out(
    `Leadpanel bench (${smoke ? 'smoke' : 'full'}, ${rounds} round${rounds > 1 ? 's' : ''}) on ${env.database}, Redis prefix ${env.queuePrefix}`,
  );

  const cli = join(DIST, 'apps/cli/src/main.js');
  const procEnv = appEnv(env, { BENCH_DATABASE: env.database, LOG_LEVEL: 'warn' });
  if (await ensureDatabase(env)) out(`created database ${env.database}`);
  await runCommand(process.execPath, [cli, 'migrate'], procEnv, false);
  let dataset = await readDataset(env.databaseUrl);
  const same =
    dataset !== null &&
    dataset.args.panellists === wanted.panellists &&
    dataset.args.responses === wanted.responses &&
    dataset.args.seed === wanted.seed &&
    dataset.args.submitPool === wanted.submitPool;
  if (!same || values.reseed) {
    out(
      `seeding ${wanted.panellists.toLocaleString('en')} panellists and ~${wanted.responses.toLocaleString('en')} answer rows (bench-seed)`,
    );
    await runCommand(
      process.execPath,
      [
        cli,
        'bench-seed',
        '--panellists',
        String(wanted.panellists),
        '--responses',
        String(wanted.responses),
        '--seed',
        String(wanted.seed),
        ...(smoke ? ['--smoke'] : []),
      ],
      procEnv,
      true,
    );
    dataset = await readDataset(env.databaseUrl);
    if (!dataset) throw new Error('the seed left no data set description');
  } else {
    out(`data set: seeded ${dataset!.seededAt} (${dataset!.seedSeconds} s), reused`);
  }
  const d = dataset!;
  out(
    `data set: ${d.counts.panellists.toLocaleString('en')} panellists, ${d.counts.survey_answers.toLocaleString('en')} answer rows ` +
      `(${d.counts.text_answers.toLocaleString('en')} open texts, ${d.counts.respondents.toLocaleString('en')} respondents), ` +
      `${d.counts.study_invitations.toLocaleString('en')} invitations`,
  );

  const pg = new Pool({ connectionString: env.databaseUrl, max: 10, application_name: 'leadpanel-bench-runner' });
  pg.on('error', () => undefined);
  await clearRedis(env);
  await restore(pg, d);

  const pgVersion = ((await pg.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  const redisInfo = new Redis(env.redisUrl, { lazyConnect: true });
  await redisInfo.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redisInfo.info('server'))?.[1] ?? 'unknown';
  redisInfo.disconnect();

  // the API: its own process, as deployed; no outbox dispatch and no jobs here (the bench worker runs them when a workload needs it)
  const apiPort = await freePort();
  // BENCH_API_NODE_ARGS / BENCH_WORKER_NODE_ARGS: node options for those processes (e.g. --cpu-prof to profile a workload)
  const nodeArgs = (name: string) => (process.env[name] ?? '').split(' ').filter(Boolean);
  const api = startNode(
    'API',
    join(DIST, 'apps/api/src/main.js'),
    appEnv(env, { PORT: String(apiPort), RUN_WORKERS: 'false', OUTBOX_DISPATCH: 'false' }),
    { nodeArgs: nodeArgs('BENCH_API_NODE_ARGS') },
  );
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitForHttp(`${apiUrl}/health/ready`, api);
  out(`API on ${apiUrl} (pid ${api.proc.pid})`);

  let perWorkload: Started[] = [];
  const ctx: BenchContext = {
    smoke,
    env,
    dataset: d,
    apiUrl,
    pg,
    researcherToken: signAccessToken(env.jwtSecret, { sub: d.researcher.userId, sid: d.researcher.sessionId, role: 'researcher' }),
    token: (sub, sid, role) => signAccessToken(env.jwtSecret, { sub, sid, role }),
    async startWorker({ dispatch }) {
      const s = startNode('bench worker', join(DIST, 'bench/worker-host.js'), appEnv(env, { OUTBOX_DISPATCH: String(dispatch) }), {
        ipc: true,
        nodeArgs: nodeArgs('BENCH_WORKER_NODE_ARGS'),
      });
      perWorkload.push(s);
      const child = new IpcChild(s);
      await child.whenReady();
      return child;
    },
    async startBare() {
      const port = await freePort();
      const s = startNode('bare server', join(DIST, 'bench/bare-server.js'), {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: env.databaseUrl,
      });
      perWorkload.push(s);
      const url = `http://127.0.0.1:${port}`;
      await waitForHttp(`${url}/health`, s);
      return { url, started: s };
    },
    log: (line) => out(line),
  };

  const rows: ResultRow[] = [];
  let failed = false;
  for (const w of selected) {
    const t0 = Date.now();
    out(`\n${w.id}. ${w.name}`);
    const measures = w.describe(ctx);
    out(`   workload: ${measures.workload}\n   baseline: ${measures.baseline}`);
    const samples = { workload: [] as number[], baseline: [] as number[] };
    const row: ResultRow = {
      id: w.id,
      name: w.name,
      workload: null,
      baseline: null,
      unit: w.unit,
      ratio: null,
      target: w.target.text,
      pass: false,
      measures,
      samples,
    };
    try {
      await w.setup?.(ctx);
      await w.warmup?.(ctx);
      for (let r = 1; r <= rounds; r++) {
        const a = await w.workload(ctx, r);
        await w.reset?.(ctx);
        const b = await w.baseline(ctx, r);
        await w.reset?.(ctx);
        if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0)
          throw new Error(`round ${r} gave no number (workload ${a}, baseline ${b})`);
        samples.workload.push(round(a));
        samples.baseline.push(round(b));
        out(`   round ${r}: workload ${fmt(a)} ${w.unit}, baseline ${fmt(b)} ${w.unit}`);
      }
      row.workload = round(median(samples.workload));
      row.baseline = round(median(samples.baseline));
      const ratio = median(samples.workload) / median(samples.baseline);
      row.ratio = round(ratio);
      row.pass = passes(w, ratio);
      const extra = await w.extra?.(ctx);
      if (extra) {
        row.extra = extra.figures;
        row.note = extra.note;
        row.pass = row.pass && extra.pass;
      }
      out(
        `   median: workload ${fmt(row.workload)}, baseline ${fmt(row.baseline)} ${w.unit}; ratio ${ratioText(ratio)} (target ${w.target.text}): ${row.pass ? 'PASS' : 'MISS'}${row.note ? `; ${row.note}` : ''} [${((Date.now() - t0) / 1000).toFixed(0)} s]`,
      );
    } catch (err) {
      failed = true;
      row.error = err instanceof Error ? err.message : String(err);
      out(`   ERROR: ${row.error}`);
    } finally {
      await w.teardown?.(ctx).catch(() => undefined);
      await Promise.all(perWorkload.map((s) => s.stop()));
      perWorkload = [];
    }
    rows.push(row);
  }

  await api.stop();
  await pg.end();
  await clearRedis(env);

  const cpuList = cpus();
  const results: Results = {
    env: {
      node: process.version,
      postgres: pgVersion,
      redis: redisVersion,
      cpus: `${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown'}`,
      dataset: { ...d.args, counts: d.counts, seedSeconds: d.seedSeconds },
    },
    mode: smoke ? 'smoke' : only ? 'partial' : 'full',
    rounds,
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    rows,
  };
  out(`\n${table(rows)}\n`);
  const file =
    results.mode === 'full'
      ? join(process.cwd(), 'bench/results/latest.json')
      : join(process.cwd(), `bench/results/${results.mode}.tmp.json`);
  mkdirSync(join(process.cwd(), 'bench/results'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  out(`written ${file} (${results.seconds} s)`);
  if (failed) out('some workloads failed to run (ERROR above)');
  return failed ? 1 : 0;
}

const interrupted = (): void => {
  void stopAll().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

main().then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (err: unknown) => {
    await stopAll();
    process.stderr.write(`${err instanceof BenchEnvError ? '' : 'bench failed: '}${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof BenchEnvError ? 2 : 1);
  },
);
