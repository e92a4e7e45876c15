import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const SECRET = 'x'.repeat(32);
const PG = 'postgres://leadpanel@db.internal:5432/leadpanel';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('runs with nothing set: embedded database, in-process jobs, files for mail', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.http).toEqual({
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      corsOrigins: [],
      docsEnabled: true,
      trustProxy: false,
      rateLimitPerMinute: 600,
    });
    expect(c.database).toEqual({
      url: null,
      pgliteDir: resolve('./var/pglite'),
      migrateOnStart: true,
      poolSize: 10,
    });
    expect(c.queue).toEqual({
      redisUrl: null,
      prefix: 'leadpanel',
      runWorkers: true,
      concurrency: 5,
      dispatchOutbox: true,
      lockMs: 30_000,
    });
    expect(c.mail).toEqual({ smtpUrl: null, from: 'Leadpanel <no-reply@localhost>', mailDir: resolve('./var/mail') });
    expect(c.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.auth).toMatchObject({
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      loginRateLimitPerMinute: 10,
      loginAddressRateLimitPerMinute: 30,
      publicFormRateLimitPerMinute: 30,
    });
    expect(c.bootstrapAdmin).toBeNull();
    expect(c.panel.maxInvites30d).toBe(4);
    expect(c.reports.minCell).toBe(5);
    expect(c.carrier.webhookSecret).toBeNull();
    expect(c.log).toEqual({ level: 'info', pretty: false });
  });

  it('draws a new random JWT secret per boot in embedded mode', () => {
    expect(loadConfig({}).auth.jwtSecret).not.toEqual(loadConfig({}).auth.jwtSecret);
  });

  it('treats blank values as unset', () => {
    const c = loadConfig({ PORT: '  ', DATABASE_URL: '', REDIS_URL: ' ', LOG_LEVEL: '' });
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toBeNull();
    expect(c.queue.redisUrl).toBeNull();
  });

  it('keeps an in-memory PGlite directory as it is and resolves a path', () => {
    expect(loadConfig({ PGLITE_DIR: 'memory://' }).database.pgliteDir).toBe('memory://');
    expect(loadConfig({ PGLITE_DIR: 'data/pg' }).database.pgliteDir).toBe(resolve('data/pg'));
  });

  it('reads the services mode', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: PG,
      REDIS_URL: 'rediss://cache:6380',
      SMTP_URL: 'smtps://user:pw@mail.example.com',
      JWT_SECRET: SECRET,
      BOOTSTRAP_ADMIN_EMAIL: 'Admin@Example.com',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password',
      PANEL_MAX_INVITES_30D: '6',
      REPORT_MIN_CELL: '10',
      DB_MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'debug',
      QUEUE_LOCK_MS: '5000',
    });
    expect(c.env).toBe('production');
    expect(c.http.port).toBe(8080);
    expect(c.http.docsEnabled).toBe(false);
    expect(c.database).toMatchObject({ url: PG, migrateOnStart: false });
    expect(c.queue).toMatchObject({ redisUrl: 'rediss://cache:6380', runWorkers: false, lockMs: 5000 });
    expect(c.mail.smtpUrl).toBe('smtps://user:pw@mail.example.com');
    expect(c.auth.jwtSecret).toBe(SECRET);
    expect(c.bootstrapAdmin).toEqual({ email: 'admin@example.com', password: 'a-long-password' });
    expect(c.panel.maxInvites30d).toBe(6);
    expect(c.reports.minCell).toBe(10);
    expect(c.log.level).toBe('debug');
  });

  it('serves the API docs in production only when API_DOCS_ENABLED says so', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: PG, JWT_SECRET: SECRET };
    expect(loadConfig({ ...prod, API_DOCS_ENABLED: 'true' }).http.docsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).http.docsEnabled).toBe(true);
    expect(loadConfig({ API_DOCS_ENABLED: 'false' }).http.docsEnabled).toBe(false);
  });

  it.each<[string, Record<string, string>, string]>([
    ['a port that is not a number', { PORT: 'abc' }, 'PORT'],
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['a negative port', { PORT: '-1' }, 'PORT'],
    ['a database that is not PostgreSQL', { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    ['a database URL that is not a URL', { DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL'],
    ['a read replica, not supported yet', { DATABASE_URL: PG, JWT_SECRET: SECRET, DATABASE_REPLICA_URL: PG }, 'DATABASE_REPLICA_URL'],
    ['a read replica even in embedded mode', { DATABASE_REPLICA_URL: PG }, 'DATABASE_REPLICA_URL'],
    ['a budget of zero requests a minute', { RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    ['a budget that is not a number', { RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE'],
    ['a budget over a million a minute', { RATE_LIMIT_PER_MINUTE: '1000001' }, 'RATE_LIMIT_PER_MINUTE'],
    ['a per-address login limit of zero', { LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '0' }, 'LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE'],
    ['a Redis URL over http', { REDIS_URL: 'http://x' }, 'REDIS_URL'],
    ['an SMTP URL over http', { SMTP_URL: 'http://x' }, 'SMTP_URL'],
    ['a public base URL that is not http(s)', { PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL'],
    ['a boolean that is neither', { DB_MIGRATE_ON_START: 'maybe' }, 'DB_MIGRATE_ON_START'],
    ['a JWT secret that is too short', { JWT_SECRET: 'short-secret' }, 'JWT_SECRET'],
    ['no JWT secret beside a real database', { DATABASE_URL: PG }, 'JWT_SECRET'],
    ['an admin e-mail without its password', { BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
    ['an admin password without its e-mail', { BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password' }, 'BOOTSTRAP_ADMIN_EMAIL'],
    [
      'an admin e-mail that is not one',
      { BOOTSTRAP_ADMIN_EMAIL: 'admin', BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password' },
      'BOOTSTRAP_ADMIN_EMAIL',
    ],
    [
      'a short admin password',
      { BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com', BOOTSTRAP_ADMIN_PASSWORD: 'short' },
      'BOOTSTRAP_ADMIN_PASSWORD',
    ],
    ['a contact cap of zero', { PANEL_MAX_INVITES_30D: '0' }, 'PANEL_MAX_INVITES_30D'],
    ['a contact cap that is a fraction', { PANEL_MAX_INVITES_30D: '2.5' }, 'PANEL_MAX_INVITES_30D'],
    ['a suppression threshold of zero', { REPORT_MIN_CELL: '0' }, 'REPORT_MIN_CELL'],
    ['a queue lock under a second', { QUEUE_LOCK_MS: '500' }, 'QUEUE_LOCK_MS'],
    ['a queue lock that is not a number', { QUEUE_LOCK_MS: '30s' }, 'QUEUE_LOCK_MS'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, 'NODE_ENV'],
    ['a CORS origin that is not a URL', { CORS_ORIGINS: 'https://ok.example.com, nope' }, 'CORS_ORIGINS'],
  ])('refuses %s, naming the variable', (_what, env, variable) => {
    const err = configError(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(variable);
    expect(err.message).not.toContain('\n');
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['nothing set', {}, true],
    ['embedded database with Redis', { REDIS_URL: 'redis://cache:6379' }, true],
    ['embedded database with Redis and RUN_WORKERS=false', { REDIS_URL: 'redis://cache:6379', RUN_WORKERS: 'false' }, true],
    ['a real database without Redis', { DATABASE_URL: PG, JWT_SECRET: SECRET }, true],
    ['a real database and Redis', { DATABASE_URL: PG, JWT_SECRET: SECRET, REDIS_URL: 'redis://cache:6379' }, false],
    [
      'a real database, Redis and RUN_WORKERS',
      { DATABASE_URL: PG, JWT_SECRET: SECRET, REDIS_URL: 'redis://cache:6379', RUN_WORKERS: 'true' },
      true,
    ],
  ])('runWorkers for %s', (_what, env, runWorkers) => {
    expect(loadConfig(env).queue.runWorkers).toBe(runWorkers);
  });

  it.each<[Record<string, string>, string]>([
    [{ PORT: '4000' }, 'http://localhost:4000'],
    [{ PUBLIC_BASE_URL: 'https://panel.example.com/' }, 'https://panel.example.com'],
    [{ PUBLIC_BASE_URL: 'https://example.com/panel//' }, 'https://example.com/panel'],
    [{ PORT: '4000', PUBLIC_BASE_URL: 'https://panel.example.com' }, 'https://panel.example.com'],
  ])('derives the public base URL from %j', (env, expected) => {
    expect(loadConfig(env).http.publicBaseUrl).toBe(expected);
  });

  it('reads a list of CORS origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.com, https://b.example.com,' }).http.corsOrigins).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ]);
  });

  it('says in one line that a read replica is not supported yet', () => {
    expect(configError({ DATABASE_REPLICA_URL: PG }).message).toBe(
      'Invalid configuration: DATABASE_REPLICA_URL is not supported yet (read replicas are planned): unset it',
    );
    expect(loadConfig({ DATABASE_REPLICA_URL: '  ' }).database).not.toHaveProperty('replicaUrl');
  });

  it('reads the rate limits', () => {
    const c = loadConfig({ RATE_LIMIT_PER_MINUTE: '120', LOGIN_RATE_LIMIT_PER_MINUTE: '5', LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE: '20' });
    expect(c.http.rateLimitPerMinute).toBe(120);
    expect(c.auth).toMatchObject({ loginRateLimitPerMinute: 5, loginAddressRateLimitPerMinute: 20 });
  });

  it('hashes passwords with 64 MiB unless told, and never below the OWASP floor (19 MiB) in production', () => {
    expect(loadConfig({}).auth.passwordHashMemoryKib).toBe(65_536);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PASSWORD_HASH_MEMORY_KIB: '19456' }).auth.passwordHashMemoryKib,
    ).toBe(19_456);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_MEMORY_KIB: '8192' })).toThrow(
      /PASSWORD_HASH_MEMORY_KIB.*between 19456/,
    );
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' }).auth.passwordHashMemoryKib).toBe(1024);
    expect(() => loadConfig({ PASSWORD_HASH_MEMORY_KIB: '512' })).toThrow(/PASSWORD_HASH_MEMORY_KIB.*between 1024/);
  });

  it('logs less in tests by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).log.level).toBe('warn');
  });

  it('logs readable lines on a terminal in development, JSON elsewhere, unless LOG_PRETTY says otherwise', () => {
    expect(loadConfig({}, { terminal: true }).log.pretty).toBe(true);
    expect(loadConfig({}, { terminal: false }).log.pretty).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, { terminal: true }).log.pretty).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }, { terminal: true }).log.pretty).toBe(false);
    expect(loadConfig({ LOG_PRETTY: 'false' }, { terminal: true }).log.pretty).toBe(false);
    expect(loadConfig({ LOG_PRETTY: 'true' }, { terminal: false }).log.pretty).toBe(true);
  });
});
