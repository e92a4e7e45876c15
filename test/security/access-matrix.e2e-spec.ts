import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { fileFeedback, filing } from '../feedback/feedback-helpers';
import { addressOf, createProduct, eventually, putAddress } from '../home-testing/home-testing-helpers';
import { allocate, shipmentTo } from '../home-testing/shipment-helpers';
import { createCode, createRound, mustPost } from '../discussions/discussions-helpers';
import { assignAll, createStudySurvey, mustMyAssignment } from '../surveys/survey-helpers';
import { myInvitationTo } from '../studies/studies-helpers';
import {
  API,
  bearer,
  createBrand,
  createInsightsTestApp,
  dataSource,
  SETUP_TIMEOUT,
  type Panellist,
  type TestApp,
  type TestUser,
} from '../insights/insights-helpers';
import { cohort, studyWorld, type StudyWorld } from '../support/world';

/**
 * The access matrix, generated from the served OpenAPI document: every operation declares
 * who may call it in `x-roles` (written by @Public/@Roles/@Authenticated, the same decorators
 * the AuthGuard reads). Every operation is called once by each caller, against objects that
 * belong to brand B and panellist B:
 * - anonymous → 401 unless the operation is public;
 * - a role not in x-roles → 403, before any validation of the input;
 * - an allowed caller of the other party (brand A's user, panellist A) → 403 (not a
 *   participant) or 404 (missing or not yours) on B's objects, never a 2xx (valid bodies are
 *   sent where needed so that validation does not answer first);
 * - an allowed caller is never refused by the guard (x-roles and the guard agree);
 * - no caller of one party ever gets the other party's data: markers planted in A's and B's
 *   data (titles, bodies, names, addresses, e-mails) are searched for in every response body.
 * Nothing answers 5xx.
 */

type Role = 'admin' | 'researcher' | 'brand' | 'panellist';
type AccessRole = Role | 'public' | 'any';
type Party = 'A' | 'B';

interface Operation {
  method: string;
  path: string;
  roles: AccessRole[] | undefined;
  params: string[];
}

interface Caller {
  name: string;
  role?: Role;
  party?: Party;
  token?: string;
}

interface Side {
  brandId: string;
  brandUser: TestUser;
  panellist: Panellist;
  studyId: string;
  invitationId: string;
  productId: string;
  shipmentId: string;
  surveyId: string;
  assignmentId: string;
  roundId: string;
  postId: string;
  feedbackId: string;
  reportId: string;
  shareLinkId: string;
  shareToken: string;
  /** an e-mail sent to this party's panellist (the e-mail log is staff-only) */
  emailId: string;
  /** strings only this party's data contains */
  markers: string[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Valid bodies where a party's caller can reach the ownership check; everything else gets `{}`. */
const BODIES: Record<string, object> = {
  'POST /api/v1/studies/{id}/feedback': filing('idea'),
  'POST /api/v1/rounds/{id}/posts': { body: 'A post that must not land in another study' },
  'PATCH /api/v1/posts/{id}': { body: 'An edit of someone else’s post' },
  'PUT /api/v1/me/assignments/{id}/answers': { answers: {} },
  'POST /api/v1/me/assignments/{id}/submit': {},
};

/** Operations whose effect on the caller would spoil the calls after them: run last. */
const LAST = ['DELETE /api/v1/share-links/{id}', 'POST /api/v1/auth/logout', 'POST /api/v1/me/opt-out', 'DELETE /api/v1/me'];

function marker(party: Party, what: string): string {
  return `zq${party.toLowerCase()}${what}${randomBytes(4).toString('hex')}`;
}

describe('Security: the access matrix of every operation in the OpenAPI document', () => {
  let t: TestApp;
  let w: StudyWorld;
  let admin: TestUser;
  let document: { paths: Record<string, Record<string, Record<string, unknown>>> };
  let operations: Operation[];
  const sides = {} as Record<Party, Side>;

  async function side(party: Party, country: string): Promise<Side> {
    const mk = (what: string) => marker(party, what);
    const markers: string[] = [];
    const plant = (what: string) => {
      const m = mk(what);
      markers.push(m);
      return m;
    };
    const brandId = (await createBrand(t, `brand-${party.toLowerCase()}`)).id;
    const brandUser = await t.staff('brand', brandId);
    markers.push(brandUser.email);
    const c = await cohort(t, { ...w, brandId }, { country, participants: 1, study: { title: plant('study'), brief: plant('brief') } });
    const p = c.participants[0];
    markers.push(p.email);
    const studyId = c.study.id;
    const researcher = w.researcher.token;
    const profile = await t
      .http()
      .patch(`${API}/me/profile`)
      .set(...bearer(p.token))
      .send({ displayName: plant('name') });
    if (profile.status !== 200) throw new Error(`PATCH /me/profile: ${profile.status} ${profile.text}`);
    await putAddress(t, p, addressOf(1, { line1: `1 ${plant('street')} street` }));
    const invitation = await myInvitationTo(t, p, studyId);
    if (!invitation) throw new Error('no invitation');

    const product = await createProduct(t, researcher, brandId, { name: plant('product'), description: plant('productdesc') });
    await allocate(t, researcher, studyId, product.id);
    const shipment = await shipmentTo(t, researcher, studyId, p, product.id);

    const survey = await createStudySurvey(t, researcher, { studyId, title: plant('survey') });
    await assignAll(t, researcher, survey.id);
    const assignment = await mustMyAssignment(t, p, survey.id);

    const round = await createRound(t, w.researcher, studyId, { title: plant('round') });
    const post = await mustPost(t, p, round.id, { body: `My idea: ${plant('post')}` });
    await createCode(t, w.researcher, studyId, plant('code'));
    const feedback = await fileFeedback(t, p, studyId, filing('idea', { title: plant('feedback'), body: plant('feedbackbody') }));

    const queued = await t
      .http()
      .post(`${API}/studies/${studyId}/reports`)
      .set(...bearer(researcher));
    if (queued.status !== 202) throw new Error(`POST reports: ${queued.status} ${queued.text}`);
    const reportId = queued.body.id as string;
    await eventually(`report ${reportId}`, async () => {
      const r = await t
        .http()
        .get(`${API}/reports/${reportId}`)
        .set(...bearer(researcher));
      if (r.body.status === 'failed') throw new Error(`report failed: ${r.text}`);
      return r.body.status === 'ready';
    });
    const published = await t
      .http()
      .post(`${API}/reports/${reportId}/publish`)
      .set(...bearer(researcher));
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
    const link = await t
      .http()
      .post(`${API}/reports/${reportId}/share-links`)
      .set(...bearer(researcher))
      .send({ expiresInHours: 24 });
    if (link.status !== 201) throw new Error(`share-links: ${link.status} ${link.text}`);
    const shareToken = String(link.body.url).split('/').pop() as string;
    const [email] = (await dataSource(t).query(`SELECT id FROM email_messages WHERE recipient = $1 ORDER BY created_at LIMIT 1`, [
      p.email.toLowerCase(),
    ])) as Array<{ id: string }>;
    if (!email) throw new Error(`no e-mail to ${p.email}`);

    return {
      brandId,
      brandUser,
      panellist: p,
      studyId,
      invitationId: invitation.id,
      productId: product.id,
      shipmentId: shipment.id,
      surveyId: survey.id,
      assignmentId: assignment.id,
      roundId: round.id,
      postId: post.id,
      feedbackId: feedback.id,
      reportId,
      shareLinkId: link.body.id as string,
      shareToken,
      emailId: email.id,
      markers,
    };
  }

  beforeAll(async () => {
    t = await createInsightsTestApp();
    w = await studyWorld(t);
    admin = await t.staff('admin');
    sides.A = await side('A', 'PT');
    sides.B = await side('B', 'IE');
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    document = res.body as typeof document;
    operations = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const params = ((op.parameters ?? []) as Array<{ in: string; name: string }>).filter((p) => p.in === 'path').map((p) => p.name);
        operations.push({ method: method.toUpperCase(), path, roles: op['x-roles'] as AccessRole[] | undefined, params });
      }
    }
    const rank = (o: Operation) => LAST.indexOf(`${o.method} ${o.path}`);
    operations.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }, SETUP_TIMEOUT * 2);

  afterAll(async () => {
    await t?.close();
  });

  /** The "someone else" object of each path parameter, by the path segment before it: B's. */
  function paramValue(path: string, param: string): string | undefined {
    const b = sides.B;
    const segment = path
      .slice(0, path.indexOf(`{${param}}`))
      .split('/')
      .filter(Boolean)
      .pop();
    const byKey: Record<string, string> = {
      'studies/id': b.studyId,
      'explain/panellistId': b.panellist.id,
      'products/id': b.productId,
      'shipments/id': b.shipmentId,
      'surveys/id': b.surveyId,
      'assignments/id': b.assignmentId,
      'invitations/id': b.invitationId,
      'rounds/id': b.roundId,
      'posts/id': b.postId,
      'feedback/id': b.feedbackId,
      'reports/id': b.reportId,
      'panellists/id': b.panellist.id,
      'recruitment/slug': w.campaign.slug,
      'reports/token': b.shareToken,
      'emails/id': b.emailId,
      'share-links/id': b.shareLinkId,
      'users/id': b.brandUser.id,
    };
    return byKey[`${segment}/${param}`];
  }

  it('every operation declares who may call it (x-roles)', () => {
    expect(operations.length).toBeGreaterThan(50);
    const undeclared = operations.filter((o) => !o.roles || o.roles.length === 0).map((o) => `${o.method} ${o.path}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses anonymous callers and other roles before validation, and never shows one party the other party’s objects', async () => {
    const callers: Caller[] = [
      { name: 'anonymous' },
      { name: 'panellist A', role: 'panellist', party: 'A', token: sides.A.panellist.token },
      { name: 'panellist B', role: 'panellist', party: 'B', token: sides.B.panellist.token },
      { name: 'brand A user', role: 'brand', party: 'A', token: sides.A.brandUser.token },
      { name: 'brand B user', role: 'brand', party: 'B', token: sides.B.brandUser.token },
      { name: 'researcher', role: 'researcher', token: w.researcher.token },
      { name: 'admin', role: 'admin', token: admin.token },
    ];
    const failures: string[] = [];
    const seenOwn = new Set<string>();
    let calls = 0;
    for (const op of operations) {
      const label = `${op.method} ${op.path}`;
      if (!op.roles || op.roles.length === 0) {
        failures.push(`${label}: no x-roles`);
        continue;
      }
      let url = op.path;
      let unmapped = false;
      for (const param of op.params) {
        const value = paramValue(op.path, param);
        if (!value) {
          failures.push(`${label}: no object for the path parameter "${param}" (add it to paramValue)`);
          unmapped = true;
        } else url = url.replace(`{${param}}`, encodeURIComponent(value));
      }
      if (unmapped) continue;
      const isPublic = op.roles.includes('public');
      for (const caller of callers) {
        let req = t.http()[op.method.toLowerCase() as (typeof METHODS)[number]](url);
        if (caller.token) req = req.set(...bearer(caller.token));
        const res: Response = ['POST', 'PUT', 'PATCH'].includes(op.method) ? await req.send(BODIES[label] ?? {}) : await req;
        calls++;
        const fail = (why: string) => failures.push(`${label} as ${caller.name}: ${why}; got ${res.status} ${res.text.slice(0, 200)}`);
        if (res.status >= 500) {
          fail('a server error');
          continue;
        }
        if (!caller.role) {
          if (!isPublic && !isProblem(res, 401)) fail('expected a 401 problem');
          continue;
        }
        const allowed = isPublic || op.roles.includes('any') || op.roles.includes(caller.role);
        if (!allowed) {
          if (!isProblem(res, 403, ROLE_REFUSED)) fail(`expected the guard's 403 problem (x-roles: ${op.roles.join(', ')})`);
          continue;
        }
        const othersObject = caller.party === 'A' && op.params.length > 0 && !isPublic;
        // x-roles and the guard agree: an allowed caller gets past it (an ownership 403 comes later, from the service)
        if (!isPublic && (res.status === 401 || isProblem(res, 403, ROLE_REFUSED))) fail('an allowed caller refused by the guard');
        if (isPublic || !caller.party) continue;
        const own = sides[caller.party].markers.filter((m) => res.text.includes(m));
        for (const m of own) seenOwn.add(m);
        const other = sides[caller.party === 'A' ? 'B' : 'A'];
        const leaked = other.markers.filter((m) => res.text.includes(m));
        if (leaked.length > 0) fail(`the other party's data (${leaked.join(', ')})`);
        // the objects are B's: A's callers may not act on them nor read them
        // (docs/http-contract.md: 403 role or ownership, 404 missing or not yours)
        if (othersObject && !isProblem(res, 403) && !isProblem(res, 404)) fail('expected a 403 or 404 problem on another party’s object');
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(operations.length * callers.length);
    // the search does find data: each party's own calls showed them their study, product, post, feedback and report
    for (const party of ['A', 'B'] as const) {
      const seen = sides[party].markers.filter((m) => seenOwn.has(m)).map((m) => m.replace(/^zq[ab]/, '').replace(/[0-9a-f]{8}$/, ''));
      expect(seen).toEqual(expect.arrayContaining(['study', 'product', 'post', 'feedback', 'name', 'street']));
    }
  });

  it('a rate-limited operation sends the headers and the 429 (with Retry-After) its document declares', async () => {
    const login = document.paths['/api/v1/auth/login'].post as { responses: Record<string, { headers?: Record<string, unknown> }> };
    const declared429 = Object.keys(login.responses['429']?.headers ?? {});
    const declared400 = Object.keys(login.responses['400']?.headers ?? {});
    expect(declared429).toContain('Retry-After');
    const body = { email: `nobody-${randomBytes(4).toString('hex')}@example.test`, password: 'not-the-password' };
    let res: Response | undefined;
    for (let i = 0; i < 50; i++) {
      res = await t.http().post(`${API}/auth/login`).send(body);
      if (res.status === 429) break;
      for (const h of declared400.filter((name) => name.startsWith('X-RateLimit'))) expect(res.headers[h.toLowerCase()]).toBeDefined();
    }
    expect(res && isProblem(res, 429)).toBe(true);
    for (const h of declared429) expect(res?.headers[h.toLowerCase()]).toMatch(/^\d+$/);
  });
});

/** The guard's refusal of a role (AuthGuard: ROLE_NOT_ALLOWED), as opposed to a service's ownership 403. */
const ROLE_REFUSED = 'urn:leadpanel:problem:role-not-allowed';

function isProblem(res: Response, status: number, type?: string): boolean {
  const body = res.body as { status?: unknown; type?: unknown };
  return (
    res.status === status &&
    /^application\/problem\+json/.test(String(res.headers['content-type'])) &&
    body.status === status &&
    (type === undefined || body.type === type)
  );
}
