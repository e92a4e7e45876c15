/**
 * 1. GET /health through the full API (Nest on Express, every global middleware: request id,
 * metrics, helmet, body parsers, the global guard and pipes) against a bare `node:http` server
 * answering the same JSON on another port. autocannon, same connections and duration.
 */
import { load } from '../lib/load';
import type { BenchContext, Workload } from '../lib/workload';

const CONNECTIONS = 10;
let bareUrl = '';
const seconds = (ctx: BenchContext) => (ctx.smoke ? 1 : 10);

export const health: Workload = {
  id: 1,
  name: 'GET /health: full API vs bare node:http',
  unit: 'req/s',
  better: 'higher',
  target: { ratio: 0.45, text: '≥ 0.45 (Express)' },
  describe: (ctx) => ({
    workload: `autocannon, ${CONNECTIONS} connections, ${seconds(ctx)} s, GET /health on the API process`,
    baseline: `same, on a bare node:http server (bench/bare-server.ts) answering the same JSON`,
  }),
  async setup(ctx) {
    bareUrl = (await ctx.startBare()).url;
  },
  async warmup(ctx) {
    const duration = ctx.smoke ? 0.5 : 2;
    await load({ url: `${ctx.apiUrl}/health`, connections: CONNECTIONS, duration });
    await load({ url: `${bareUrl}/health`, connections: CONNECTIONS, duration });
  },
  workload: async (ctx) => (await load({ url: `${ctx.apiUrl}/health`, connections: CONNECTIONS, duration: seconds(ctx) })).rps,
  baseline: async (ctx) => (await load({ url: `${bareUrl}/health`, connections: CONNECTIONS, duration: seconds(ctx) })).rps,
};
