/**
 * 2. An authenticated GET /api/v1/studies/:id (a researcher's access token: the guard checks
 * the token and its session in one indexed query, then the study is read through TypeORM and
 * mapped to its view) against the same primary-key query with raw `pg` behind a bare
 * `node:http` server (same JSON). One connection, so the latency is a request's own, without
 * queueing; the median of every response's latency.
 */
import { load } from '../lib/load';
import type { BenchContext, Workload } from '../lib/workload';

const CONNECTIONS = 1;
let bareUrl = '';
const seconds = (ctx: BenchContext) => (ctx.smoke ? 1 : 10);

export const study: Workload = {
  id: 2,
  name: 'GET /studies/:id (auth) vs raw pg primary-key query',
  unit: 'ms p50',
  better: 'lower',
  target: { ratio: 2.0, text: '≤ 2.0' },
  describe: (ctx) => ({
    workload: `autocannon, ${CONNECTIONS} connection, ${seconds(ctx)} s, GET /api/v1/studies/:id with a researcher's Bearer token; median latency`,
    baseline: `same, on a bare node:http server running the same SELECT … FROM studies WHERE id = $1 with raw pg (no auth, no ORM)`,
  }),
  async setup(ctx) {
    bareUrl = (await ctx.startBare()).url;
  },
  async warmup(ctx) {
    const duration = ctx.smoke ? 0.5 : 2;
    const id = ctx.dataset.studies.report;
    await load({
      url: `${ctx.apiUrl}/api/v1/studies/${id}`,
      headers: { authorization: `Bearer ${ctx.researcherToken}` },
      connections: 4,
      duration,
    });
    await load({ url: `${bareUrl}/studies/${id}`, connections: 4, duration });
  },
  workload: async (ctx) =>
    (
      await load({
        url: `${ctx.apiUrl}/api/v1/studies/${ctx.dataset.studies.report}`,
        headers: { authorization: `Bearer ${ctx.researcherToken}` },
        connections: CONNECTIONS,
        duration: seconds(ctx),
      })
    ).p50,
  baseline: async (ctx) =>
    (await load({ url: `${bareUrl}/studies/${ctx.dataset.studies.report}`, connections: CONNECTIONS, duration: seconds(ctx) })).p50,
};
