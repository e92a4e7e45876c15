import { randomUUID } from 'node:crypto';
import { uniqueEmail, type TestUser } from '../support/test-app';
import { API, bearer, createIdentityTestApp, errorFields, expectProblem, uniqueSlug, type TestApp } from './identity-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PASSWORD = 'correct-horse-battery';
const WELCOME_SUBJECT = 'Your Leadpanel account is ready';

describe('POST /users', () => {
  let t: TestApp;
  let admin: TestUser;
  let researcher: TestUser;
  let brandId: string;
  let brandUser: TestUser;

  beforeAll(async () => {
    t = await createIdentityTestApp();
    admin = await t.staff('admin');
    researcher = await t.staff('researcher');
    const brand = await t
      .http()
      .post(`${API}/brands`)
      .set(...bearer(admin.token))
      .send({ name: 'Users Brand', slug: uniqueSlug('users') });
    expect(brand.status).toBe(201);
    brandId = brand.body.id as string;
    brandUser = await t.staff('brand', brandId);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>, token: string | null = admin.token) => {
    const req = t.http().post(`${API}/users`);
    if (token) req.set(...bearer(token));
    return req.send(body);
  };
  const login = (email: string, password: string) => t.http().post(`${API}/auth/login`).send({ email, password });

  it.each(['researcher', 'admin'] as const)('creates a %s: 201 user, who can log in', async (role) => {
    const email = uniqueEmail(role);
    const res = await create({ email, password: PASSWORD, role });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      email,
      role,
      brandId: null,
      status: 'active',
      // the admin chose the password: the user must change it (issue #15)
      mustChangePassword: true,
      lastLoginAt: null,
      createdAt: expect.stringMatching(ISO_UTC),
    });
    const session = await login(email, PASSWORD);
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual({ id: res.body.id, email, role });
    const me = await t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(session.body.accessToken));
    expect(me.body).toEqual({ id: res.body.id, email, role, mustChangePassword: true });
  });

  it('gives a created admin the admin routes', async () => {
    const email = uniqueEmail('admin');
    expect((await create({ email, password: PASSWORD, role: 'admin' })).status).toBe(201);
    const session = await login(email, PASSWORD);
    const res = await t
      .http()
      .post(`${API}/brands`)
      .set(...bearer(session.body.accessToken))
      .send({ name: 'By the new admin', slug: uniqueSlug('new-admin') });
    expect(res.status).toBe(201);
  });

  it('creates a brand user with its brandId; /auth/me shows it; the brand user is not staff', async () => {
    const email = uniqueEmail('brand');
    const res = await create({ email, password: PASSWORD, role: 'brand', brandId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'brand', brandId, status: 'active' });
    const session = await login(email, PASSWORD);
    expect(session.status).toBe(200);
    const me = await t
      .http()
      .get(`${API}/auth/me`)
      .set(...bearer(session.body.accessToken));
    expect(me.body).toEqual({ id: res.body.id, email, role: 'brand', brandId, mustChangePassword: true });
    expectProblem(
      await t
        .http()
        .get(`${API}/brands`)
        .set(...bearer(session.body.accessToken)),
      403,
    );
  });

  it('sends the new user a welcome e-mail through SMTP', async () => {
    const email = uniqueEmail('welcome');
    const res = await create({ email, password: PASSWORD, role: 'researcher' });
    expect(res.status).toBe(201);
    const [mail] = await t.smtp.waitFor(email);
    expect(mail.subject).toBe(WELCOME_SUBJECT);
    expect(mail.to).toEqual([email]);
    expect(mail.text).toContain(email);
    expect(mail.text).toContain('researcher');
    expect(mail.text).toContain(t.config.http.publicBaseUrl);
    expect(mail.text).not.toContain(PASSWORD);
    expect(mail.html).toContain('<p>');
    // exactly one
    await new Promise((r) => setTimeout(r, 500));
    expect(t.smtp.to(email)).toHaveLength(1);
  });

  it('stores and answers the e-mail lower-cased; the user logs in with any case', async () => {
    const lower = uniqueEmail('mixed');
    const mixed = lower.replace(/^mixed/, 'MiXeD').replace('example.test', 'Example.TEST');
    const res = await create({ email: mixed, password: PASSWORD, role: 'researcher' });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe(lower);
    expect((await login(lower, PASSWORD)).status).toBe(200);
    expect((await login(mixed, PASSWORD)).status).toBe(200);
    const [mail] = await t.smtp.waitFor(lower);
    expect(mail.subject).toBe(WELCOME_SUBJECT);
  });

  it('answers 409 problem+json to an e-mail taken in another case, and sends no second e-mail', async () => {
    const email = uniqueEmail('taken');
    const first = await create({ email, password: PASSWORD, role: 'researcher' });
    expect(first.status).toBe(201);
    await t.smtp.waitFor(email);
    const again = await create({ email: email.toUpperCase(), password: `${PASSWORD}-2`, role: 'admin' });
    expectProblem(again, 409, 'email-taken');
    const padded = await create({ email: `  ${email}  `, password: `${PASSWORD}-2`, role: 'admin' });
    expectProblem(padded, 409, 'email-taken');
    // the first account is unchanged: same role, same password
    const session = await login(email, PASSWORD);
    expect(session.body.user).toEqual({ id: first.body.id, email, role: 'researcher' });
    expectProblem(await login(email, `${PASSWORD}-2`), 401);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.smtp.to(email)).toHaveLength(1);
  });

  it('answers one 201 and one 409 to two concurrent creations with the same e-mail', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all([
      create({ email, password: PASSWORD, role: 'researcher' }),
      create({ email: email.toUpperCase(), password: PASSWORD, role: 'researcher' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(
      results.find((r) => r.status === 409)!,
      409,
      'email-taken',
    );
  });

  it('answers 400 naming brandId when a brand user has none, and creates nothing', async () => {
    const email = uniqueEmail('brandless');
    const res = await create({ email, password: PASSWORD, role: 'brand' });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['brandId']);
    expectProblem(await login(email, PASSWORD), 401);
    const nullBrand = await create({ email, password: PASSWORD, role: 'brand', brandId: null });
    expectProblem(nullBrand, 400);
    expect(errorFields(nullBrand)).toEqual(['brandId']);
  });

  it.each(['researcher', 'admin'] as const)('answers 400 naming brandId when a %s is given one', async (role) => {
    const email = uniqueEmail(role);
    const res = await create({ email, password: PASSWORD, role, brandId });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['brandId']);
    expectProblem(await login(email, PASSWORD), 401);
  });

  it('answers 422 problem+json to an unknown brandId, and creates nothing', async () => {
    const email = uniqueEmail('orphan');
    const res = await create({ email, password: PASSWORD, role: 'brand', brandId: randomUUID() });
    expectProblem(res, 422, 'brand-not-found');
    expectProblem(await login(email, PASSWORD), 401);
  });

  it.each(['not-a-uuid', '', 42, `${randomUUID()}' OR '1'='1`, { id: 'x' }])('answers 400 naming brandId for brandId %j', async (bad) => {
    const res = await create({ email: uniqueEmail('bad-brand'), password: PASSWORD, role: 'brand', brandId: bad });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['brandId']);
  });

  it('answers 400 naming password when it is shorter than 10 characters; 10 are enough', async () => {
    const email = uniqueEmail('short');
    const res = await create({ email, password: 'x7k2m9q4w', role: 'researcher' });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['password']);
    expectProblem(await login(email, 'x7k2m9q4w'), 401);
    const ok = await create({ email, password: 'x7k2m9q4w1', role: 'researcher' });
    expect(ok.status).toBe(201);
    expect((await login(email, 'x7k2m9q4w1')).status).toBe(200);
  });

  it.each(['panellist', 'superuser', 'ADMIN', ''])('answers 400 naming role for role %j', async (role) => {
    const email = uniqueEmail('role');
    const res = await create({ email, password: PASSWORD, role });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['role']);
    expectProblem(await login(email, PASSWORD), 401);
  });

  it.each(['not-an-email', 'a@', '@example.test', '', 'two@@example.test'])('answers 400 naming email for %j', async (email) => {
    const res = await create({ email, password: PASSWORD, role: 'researcher' });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['email']);
  });

  it('answers 400 listing each missing field', async () => {
    const res = await create({});
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['email', 'password', 'role']);
  });

  it('answers 400 naming an unknown field, and creates nothing', async () => {
    const email = uniqueEmail('extra');
    const res = await create({ email, password: PASSWORD, role: 'researcher', status: 'active' });
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['status']);
    expectProblem(await login(email, PASSWORD), 401);
  });

  it('answers 403 to a researcher and a brand user, 401 to anonymous; nothing is created', async () => {
    const email = uniqueEmail('denied');
    expectProblem(await create({ email, password: PASSWORD, role: 'admin' }, researcher.token), 403);
    expectProblem(await create({ email, password: PASSWORD, role: 'admin' }, brandUser.token), 403);
    expectProblem(await create({ email, password: PASSWORD, role: 'admin' }, null), 401);
    expectProblem(await login(email, PASSWORD), 401);
    // the e-mail is still free
    expect((await create({ email, password: PASSWORD, role: 'researcher' })).status).toBe(201);
  });

  it('never leaks the password or its hash', async () => {
    const email = uniqueEmail('secret');
    const res = await create({ email, password: PASSWORD, role: 'researcher' });
    expect(res.status).toBe(201);
    expect(res.text).not.toContain(PASSWORD);
    expect(res.text).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});
