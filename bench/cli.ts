/**
 * `npm run cli -- bench-seed [--panellists N] [--responses M] [--seed S] [--smoke]`: creates the
 * bench database on the server of DATABASE_URL if missing (BENCH_DATABASE, default
 * leadpanel_bench), migrates it and seeds it (bench/seed.ts). Only that database is touched.
 */
import { parseArgs } from 'node:util';
import { SEED_DEFAULTS, SUBMIT_POOL_FULL, SUBMIT_POOL_SMOKE } from './dataset';
import { benchEnv, ensureDatabase } from './lib/env';
import { benchSeed } from './seed';

export const BENCH_SEED_USAGE = `  bench-seed [--panellists N] [--responses M] [--seed S] [--smoke]
                                  (re)seed the bench database (BENCH_DATABASE, default leadpanel_bench,
                                  created on the DATABASE_URL server if missing) with N panellists and
                                  about M answer rows (defaults 1,000,000 each); same arguments, same data
`;

function whole(name: string, raw: string | undefined, def: number): number {
  if (raw === undefined) return def;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got "${raw}")`);
  return n;
}

/** Runs the command; `migrate` applies the migrations to a database URL (the CLI's MigrationRunner). */
export async function benchSeedCommand(
  args: string[],
  migrate: (databaseUrl: string, jwtSecret: string) => Promise<void>,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      panellists: { type: 'string' },
      responses: { type: 'string' },
      seed: { type: 'string' },
      smoke: { type: 'boolean', default: false },
    },
  });
  const env = benchEnv(process.env, { smoke: values.smoke ?? false, needRedis: false });
  const created = await ensureDatabase(env);
  process.stdout.write(`bench database ${env.database}${created ? ' created' : ''}; migrating\n`);
  await migrate(env.databaseUrl, env.jwtSecret);
  const t0 = Date.now();
  const dataset = await benchSeed(env.databaseUrl, {
    panellists: whole('panellists', values.panellists, SEED_DEFAULTS.panellists),
    responses: whole('responses', values.responses, SEED_DEFAULTS.responses),
    seed: whole('seed', values.seed, SEED_DEFAULTS.seed),
    submitPool: values.smoke ? SUBMIT_POOL_SMOKE : SUBMIT_POOL_FULL,
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  const c = dataset.counts;
  process.stdout.write(
    `seeded ${env.database} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${c.panellists.toLocaleString('en')} panellists, ` +
      `${c.survey_answers.toLocaleString('en')} answer rows (${c.text_answers.toLocaleString('en')} open texts) from ` +
      `${c.respondents.toLocaleString('en')} respondents, ${c.study_invitations.toLocaleString('en')} invitations\n`,
  );
  return 0;
}
