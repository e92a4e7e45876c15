import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Typed, validated configuration, grouped by concern. Built once from the
 * environment by `loadConfig`; a bad value throws a ConfigError naming the variable.
 */
export interface AppConfig {
  http: {
    port: number;
    publicBaseUrl: string;
    corsOrigins: string[];
    docsEnabled: boolean;
    trustProxy: boolean;
    rateLimitPerMinute: number;
  };
  database: { url: string | null; pgliteDir: string; migrateOnStart: boolean; poolSize: number };
  queue: { redisUrl: string | null; prefix: string; runWorkers: boolean; concurrency: number; dispatchOutbox: boolean; lockMs: number };
  mail: { smtpUrl: string | null; from: string; mailDir: string };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** per account (e-mail), whatever the client address */
    loginRateLimitPerMinute: number;
    /** per client address, whatever the e-mail */
    loginAddressRateLimitPerMinute: number;
    publicFormRateLimitPerMinute: number;
    /** argon2id memory per password hash; the tests lower it (a join costs 0.3 s of CPU at the default) */
    passwordHashMemoryKib: number;
  };
  bootstrapAdmin: { email: string; password: string } | null;
  panel: { maxInvites30d: number };
  reports: { minCell: number };
  carrier: { webhookSecret: string | null };
  /** `/metrics`: open without a token outside production; with `token`, a Bearer token is required; off in production without one */
  metrics: { enabled: boolean; token: string | null };
  log: { level: string; pretty: boolean };
  env: 'development' | 'production' | 'test';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return def;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return def;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = str(env, name);
  if (raw === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (${protocols.join(', ')})`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, `must use one of ${protocols.join(', ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

/** A directory, or `memory://` (PGlite keeps the data in memory): not a path, so it is not resolved. */
function pgliteDir(raw: string): string {
  return raw.startsWith('memory://') ? raw : resolve(raw);
}

/**
 * Reads the configuration from `env`. `terminal`: the process writes to a terminal, which makes
 * human-readable logs the default in development (JSON otherwise, and always in production).
 */
export function loadConfig(env: Env = process.env, { terminal = false }: { terminal?: boolean } = {}): AppConfig {
  const nodeEnv = str(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test (got "${nodeEnv}")`);
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres', 'postgresql']);
  const redisUrl = url(env, 'REDIS_URL', ['redis', 'rediss']);
  const embedded = databaseUrl === null;
  // read replicas are planned, not built: a set variable would look honoured while every query goes to the primary
  if (str(env, 'DATABASE_REPLICA_URL') !== undefined) {
    throw new ConfigError('DATABASE_REPLICA_URL', 'is not supported yet (read replicas are planned): unset it');
  }

  const jwtSecret = str(env, 'JWT_SECRET');
  if (jwtSecret === undefined && !embedded) {
    throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set (use 32+ random characters)');
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }

  const publicBaseUrl = (url(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const adminEmail = str(env, 'BOOTSTRAP_ADMIN_EMAIL');
  const adminPassword = str(env, 'BOOTSTRAP_ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail === undefined ? 'BOOTSTRAP_ADMIN_EMAIL' : 'BOOTSTRAP_ADMIN_PASSWORD',
      'must be set together with its pair (BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD)',
    );
  }
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL', 'must be an e-mail address');
  }
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', 'must be at least 10 characters long');
  }

  const corsRaw = str(env, 'CORS_ORIGINS');
  const corsOrigins = corsRaw
    ? corsRaw
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    : [];
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `must be a comma-separated list of origins (bad: "${origin}")`);
    }
  }

  const metricsToken = str(env, 'METRICS_TOKEN') ?? null;
  if (metricsToken !== null && (metricsToken.length < 16 || !/^[\x21-\x7E]+$/.test(metricsToken))) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 printable characters without spaces (openssl rand -hex 24)');
  }

  const logLevel = str(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }

  return {
    env: nodeEnv as AppConfig['env'],
    http: {
      port,
      publicBaseUrl,
      corsOrigins,
      // the OpenAPI UI and document map every route: off in production unless asked for
      docsEnabled: bool(env, 'API_DOCS_ENABLED', nodeEnv !== 'production'),
      trustProxy: bool(env, 'TRUST_PROXY', false),
      // the per-caller budget on every route (per user when signed in, else per client address)
      rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    },
    database: {
      url: databaseUrl,
      pgliteDir: pgliteDir(str(env, 'PGLITE_DIR') ?? './var/pglite'),
      migrateOnStart: bool(env, 'DB_MIGRATE_ON_START', true),
      poolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    },
    queue: {
      redisUrl,
      prefix: str(env, 'QUEUE_PREFIX') ?? 'leadpanel',
      // With the embedded database no other process can reach it, so the API runs the jobs itself.
      runWorkers: redisUrl === null || embedded ? true : bool(env, 'RUN_WORKERS', false),
      concurrency: int(env, 'WORKER_CONCURRENCY', 5, 1, 100),
      dispatchOutbox: bool(env, 'OUTBOX_DISPATCH', true),
      // BullMQ's job lock: a crashed worker's job is taken up again within about twice this
      lockMs: int(env, 'QUEUE_LOCK_MS', 30_000, 1_000, 600_000),
    },
    mail: {
      smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']),
      from: str(env, 'MAIL_FROM') ?? 'Leadpanel <no-reply@localhost>',
      mailDir: resolve(str(env, 'MAIL_DIR') ?? './var/mail'),
    },
    auth: {
      jwtSecret: jwtSecret ?? randomBytes(48).toString('base64url'),
      accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
      refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
      loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10000),
      loginAddressRateLimitPerMinute: int(env, 'LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE', 30, 1, 100000),
      publicFormRateLimitPerMinute: int(env, 'PUBLIC_FORM_RATE_LIMIT_PER_MINUTE', 30, 1, 100000),
      // production never goes below OWASP's floor for argon2id (19 MiB); tests use 1 MiB
      passwordHashMemoryKib: int(env, 'PASSWORD_HASH_MEMORY_KIB', 65_536, nodeEnv === 'production' ? 19_456 : 1024, 4_194_304),
    },
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    panel: { maxInvites30d: int(env, 'PANEL_MAX_INVITES_30D', 4, 1, 1000) },
    reports: { minCell: int(env, 'REPORT_MIN_CELL', 5, 1, 1000) },
    carrier: { webhookSecret: str(env, 'CARRIER_WEBHOOK_SECRET') ?? null },
    metrics: { enabled: metricsToken !== null || nodeEnv !== 'production', token: metricsToken },
    log: { level: logLevel, pretty: bool(env, 'LOG_PRETTY', terminal && nodeEnv === 'development') },
  };
}
