/**
 * Baseline server of workloads 1 and 2: `node:http` and raw `pg`, nothing else, in a
 * process of its own like the API.
 * - GET /health → {"status":"ok"} (what the API's /health answers);
 * - GET /studies/:id → the same primary-key query the API's GET /api/v1/studies/:id ends
 *   with, answered as the same JSON (camelCase view); no auth, no framework, no ORM.
 * Environment: PORT, DATABASE_URL, DB_POOL_SIZE (10, like the API's default).
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  application_name: 'leadpanel-bench-bare',
});
pool.on('error', () => undefined);

const HEALTH = JSON.stringify({ status: 'ok' });
const STUDY = /^\/studies\/([0-9a-f-]{36})$/i;

interface StudyRow {
  id: string;
  brand_id: string;
  title: string;
  theme: string;
  brief: string;
  target_size: number;
  incentive_points: number;
  post_points: number;
  criteria: unknown;
  quotas: unknown;
  status: string;
  created_at: Date;
  updated_at: Date;
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(HEALTH) });
    res.end(HEALTH);
    return;
  }
  const m = req.method === 'GET' ? STUDY.exec(req.url ?? '') : null;
  if (m) {
    pool
      .query<StudyRow>(
        `SELECT id, brand_id, title, theme, brief, target_size, incentive_points, post_points, criteria, quotas, status, created_at, updated_at
           FROM studies WHERE id = $1`,
        [m[1]],
      )
      .then(({ rows: [s] }) => {
        if (!s) {
          res.writeHead(404).end();
          return;
        }
        const body = JSON.stringify({
          id: s.id,
          brandId: s.brand_id,
          title: s.title,
          theme: s.theme,
          brief: s.brief,
          targetSize: s.target_size,
          incentivePoints: s.incentive_points,
          postPoints: s.post_points,
          criteria: s.criteria,
          quotas: s.quotas,
          status: s.status,
          createdAt: s.created_at,
          updatedAt: s.updated_at,
        });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      })
      .catch(() => res.writeHead(500).end());
    return;
  }
  res.writeHead(404).end();
});

server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void pool.end();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
