/** What a workload is to the runner, and what the runner gives it. */
import type { Pool } from 'pg';
import type { Dataset } from '../dataset';
import type { BenchEnv } from './env';
import type { IpcChild, Started } from './proc';

export interface BenchContext {
  smoke: boolean;
  env: BenchEnv;
  dataset: Dataset;
  /** the API process, e.g. http://127.0.0.1:40123 */
  apiUrl: string;
  /** the runner's own pool on the bench database (baselines, resets), 10 connections */
  pg: Pool;
  /** an access token of the bench researcher */
  researcherToken: string;
  token(sub: string, sid: string, role: string): string;
  /** starts the bench worker (bench/worker-host.ts); `dispatch`: its outbox dispatcher runs */
  startWorker(opts: { dispatch: boolean }): Promise<IpcChild>;
  /** starts the bare baseline server (bench/bare-server.ts); answers its URL */
  startBare(): Promise<{ url: string; started: Started }>;
  log(line: string): void;
}

export type Better = 'higher' | 'lower';

export interface Target {
  /** the ratio must be ≥ (higher is better) or ≤ (lower is better) this */
  ratio: number;
  text: string;
}

/** One sample of the workload or the baseline: the value in the workload's unit. */
export type Sample = (ctx: BenchContext, round: number) => Promise<number>;

export interface Workload {
  id: number;
  name: string;
  /** e.g. "req/s", "ms" */
  unit: string;
  better: Better;
  target: Target;
  /** what the workload and the baseline do, for the README and the JSON */
  describe(ctx: BenchContext): { workload: string; baseline: string };
  setup?(ctx: BenchContext): Promise<void>;
  /** untimed, before the rounds (JIT, caches) */
  warmup?(ctx: BenchContext): Promise<void>;
  workload: Sample;
  baseline: Sample;
  /** after every sample (A or B): put the data back as it was (untimed) */
  reset?(ctx: BenchContext): Promise<void>;
  /** extra figures for the row (e.g. the worker's peak RSS) and extra pass conditions */
  extra?(ctx: BenchContext): Promise<{ figures: Record<string, number>; pass: boolean; note: string }>;
  teardown?(ctx: BenchContext): Promise<void>;
}
