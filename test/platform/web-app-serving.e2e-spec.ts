import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/test-app';

/** A tiny built web app: index.html and one hashed asset, pre-compressed as the build does. */
function fixtureDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lp-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const html =
    '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body><div id="root"></div></body></html>';
  writeFileSync(join(dir, 'index.html'), html);
  const js = `console.log(${JSON.stringify('leadpanel '.repeat(200))});\n`;
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js'), js);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js.br'), brotliCompressSync(js));
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js.gz'), gzipSync(js));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  return dir;
}

describe('Web app served by the API (WEB_DIST_DIR)', () => {
  let t: TestApp;
  let dist: string;
  const before = process.env.WEB_DIST_DIR;

  beforeAll(async () => {
    dist = fixtureDist();
    process.env.WEB_DIST_DIR = dist;
    t = await createTestApp();
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = before;
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers a deep link that accepts HTML with index.html, no-cache, under the strict CSP', async () => {
    for (const path of ['/', '/me/studies/1/rounds/2', '/join/spring-panel?ref=ABC', '/login']) {
      const res = await t.http().get(path).set('Accept', 'text/html,application/xhtml+xml');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
      const scriptSrc = String(res.headers['content-security-policy'])
        .split(';')
        .find((d) => d.trim().startsWith('script-src'));
      expect(scriptSrc?.trim()).toBe("script-src 'self'");
    }
  });

  it('serves hashed assets immutable, pre-compressed by Accept-Encoding', async () => {
    const path = '/assets/index-Ab12Cd.js';
    const br = await t.http().get(path).set('Accept-Encoding', 'gzip, br');
    expect(br.status).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.text).toContain('leadpanel leadpanel'); // supertest decoded the brotli bytes

    const gz = await t.http().get(path).set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.text).toContain('leadpanel leadpanel');

    const plain = await t.http().get(path).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('leadpanel');
  });

  it('never answers a missing asset, a dot folder or a non-HTML request with index.html', async () => {
    const missing = await t.http().get('/assets/gone-123.js').set('Accept', '*/*');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const manifest = await t.http().get('/.vite/manifest.json');
    expect(manifest.status).toBe(404);
    const json = await t.http().get('/me').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('keeps /api, /health and /metrics to the API', async () => {
    const nope = await t.http().get('/api/v1/nope').set('Accept', 'text/html');
    expect(nope.status).toBe(404);
    expect(nope.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nope.body).toMatchObject({ status: 404 });

    const health = await t.http().get('/health').set('Accept', 'text/html');
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/json/);

    const metrics = await t.http().get('/metrics').set('Accept', 'text/html');
    expect(metrics.headers['content-type']).not.toMatch(/^text\/html/);
  });
});

describe('Web app not built', () => {
  let t: TestApp;
  const before = process.env.WEB_DIST_DIR;

  beforeAll(async () => {
    process.env.WEB_DIST_DIR = join(tmpdir(), 'lp-web-dist-absent-' + process.pid);
    t = await createTestApp();
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = before;
    await t?.close();
  });

  it('answers / with a short problem+json 404 saying how to build it, and the API works', async () => {
    const res = await t.http().get('/').set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ status: 404, detail: expect.stringContaining('npm run build') });
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
