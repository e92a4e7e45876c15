import { eventually } from '@leadpanel/platform/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { joinMany, openCampaign, recruitingStudy, studyBody, wave, type Panellist } from '../studies/studies-helpers';
import type { TestApp } from '../support/test-app';
import { API, createUser, loginAdmin, newEmail } from './support/actions';
import { sleep, RESTARTING, type ApiProcess } from './support/servers';
import { faultsStack } from './support/faults-stack';

/** The per-caller budget of both API processes: small, so that the test can go past it. */
const BUDGET = 25;
const PANELLISTS = 30;

/**
 * Two API processes and two workers on one PostgreSQL database and one Redis prefix, as behind a
 * load balancer: the per-caller budget is one budget whichever process answers, a logout on one
 * process ends the session on the other at once, and a wave's invitation e-mails are each sent
 * once although both workers take jobs.
 *
 * TRUST_PROXY=true: each caller speaks from an address of its own (X-Forwarded-For), so that the
 * setup's hundred-odd anonymous requests do not use up one address's small budget.
 */
describe('two API processes and two workers', () => {
  const f = faultsStack({ label: 'two', env: { RATE_LIMIT_PER_MINUTE: String(BUDGET), TRUST_PROXY: 'true' } });
  let a: ApiProcess;
  let b: ApiProcess;
  let addresses = 0;
  /** a client address no other request of the file used */
  const address = (): string => {
    const n = ++addresses;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  };

  beforeAll(async () => {
    a = { process: f.stack.api, baseUrl: f.stack.baseUrl, http: f.stack.http };
    b = await f.stack.startApi('api-b');
    await f.stack.startWorker('worker-1');
    await f.stack.startWorker('worker-2');
  }, 120_000);

  /** Requests alternating between the two processes, each from a new client address. */
  let turn = 0;
  function bothProcesses(): ReturnType<typeof request> {
    const api = turn++ % 2 === 0 ? a : b;
    const from = address();
    const agent = api.http();
    const wrapped: Record<string, (url: string) => unknown> = {};
    for (const m of ['get', 'post', 'put', 'patch', 'delete'] as const) wrapped[m] = (url) => agent[m](url).set('X-Forwarded-For', from);
    return wrapped as unknown as ReturnType<typeof request>;
  }
  /** The panel and studies helpers use `http`, `smtp` and `login` of a test app. */
  const spread = (): TestApp =>
    ({
      http: bothProcesses,
      smtp: f.smtp,
      async login(email: string, password: string) {
        const res = await bothProcesses().post(`${API}/auth/login`).send({ email, password });
        if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
        return res.body as { accessToken: string; refreshToken: string };
      },
    }) as unknown as TestApp;

  async function researcher(): Promise<{ accessToken: string; refreshToken: string }> {
    const admin = await loginAdmin(f.stack);
    const email = newEmail('researcher');
    expect((await createUser(f.stack, admin, email)).status).toBe(201);
    return spread().login(email, 'researcher-password');
  }

  it('shares the per-caller budget: requests spread over both processes are refused past the budget in total', async () => {
    const from = address();
    const get = (api: ApiProcess) => api.http().get('/api/v1/auth/me').set('X-Forwarded-For', from);
    const answers = [];
    for (let i = 0; i < BUDGET; i++) answers.push(await get(i % 2 === 0 ? a : b));
    expect(answers.map((r) => r.status)).toEqual(Array(BUDGET).fill(401));
    // one window: the remaining count goes down across both processes
    expect(answers.map((r) => Number(r.headers['ratelimit-remaining']))).toEqual(Array.from({ length: BUDGET }, (_, i) => BUDGET - 1 - i));
    for (const api of [a, b]) {
      const refused = await get(api);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('refuses the access token of a session logged out on process A on process B at once', async () => {
    const from = address();
    const { accessToken: token, refreshToken } = await researcher();
    const me = (api: ApiProcess) => api.http().get(`${API}/auth/me`).set('X-Forwarded-For', from).set('Authorization', `Bearer ${token}`);
    expect((await me(b)).status).toBe(200);
    const out = await a
      .http()
      .post(`${API}/auth/logout`)
      .set('X-Forwarded-For', from)
      .set('Authorization', `Bearer ${token}`)
      .send({ refreshToken });
    expect(out.status).toBe(204);
    const after = await me(b);
    expect(after.status).toBe(401);
    expect(after.headers['content-type']).toMatch(/^application\/problem\+json/);
    const refreshed = await b.http().post(`${API}/auth/refresh`).set('X-Forwarded-For', from).send({ refreshToken });
    expect(refreshed.status).toBe(401);
  });

  it(`sends each invitation e-mail of a wave of ${PANELLISTS} panellists once, with both workers running`, async () => {
    const s = f.smtp;
    const t = spread();
    const { accessToken: token } = await researcher();
    const campaign = await openCampaign(t, token);
    const panellists: Panellist[] = await joinMany(
      t,
      campaign,
      Array.from({ length: PANELLISTS }, () => ({})),
      6,
    );
    const brand = await bothProcesses()
      .post(`${API}/brands`)
      .set('Authorization', `Bearer ${await loginAdmin(f.stack)}`)
      .send({ name: 'Two processes', slug: `two-${randomBytes(3).toString('hex')}` });
    expect(brand.status).toBe(201);
    const title = `Two processes ${randomBytes(3).toString('hex')}`;
    const study = await recruitingStudy(t, token, studyBody(brand.body.id as string, { title, targetSize: PANELLISTS }));

    const result = await wave(t, token, study.id, { size: PANELLISTS, expiresInDays: 7 });
    expect(result.invited).toBe(PANELLISTS);
    const subject = `You are invited: ${title}`;
    const invitations = (p: Panellist) => s.to(p.email).filter((m) => m.subject === subject);
    await eventually(`${PANELLISTS} invitation e-mails`, () => (panellists.every((p) => invitations(p).length >= 1) ? true : undefined), {
      ...RESTARTING,
      timeoutMs: 60_000,
    });
    await sleep(3_000); // a duplicate would come now
    expect(panellists.map((p) => invitations(p).length)).toEqual(Array(PANELLISTS).fill(1));
    const rows = await f.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM email_messages WHERE template = 'study-invitation' GROUP BY status`,
    );
    expect(rows).toEqual([{ status: 'sent', n: PANELLISTS }]);
    for (const p of f.processes) expect(p.alive).toBe(true);
  });
});
