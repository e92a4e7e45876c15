import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';

/** What @nestjs/throttler expects back from a storage (its ThrottlerStorageRecord). */
export interface RateLimitRecord {
  totalHits: number;
  /** seconds until the window resets */
  timeToExpire: number;
  isBlocked: boolean;
  /** seconds until a request may succeed again (0 when not blocked) */
  timeToBlockExpire: number;
}

interface WindowState {
  /** when the window started (ms) */
  start: number;
  hits: number;
  /** refused until then (ms); 0 when not blocked */
  blockedUntil: number;
}

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/**
 * One fixed window per key: the first request opens a window of `ttl` ms; the request past
 * `limit` in it is refused, and so is every request until `blockDuration` ms later (0: until
 * the window ends). A refused request is not counted. The same rule, step for step, as the
 * Lua script below, so that embedded and services mode limit alike.
 */
export function stepWindow(
  state: WindowState | undefined,
  now: number,
  ttl: number,
  limit: number,
  blockDuration: number,
): { state: WindowState; record: RateLimitRecord } {
  if (state && state.blockedUntil > now) {
    const record = { totalHits: state.hits, timeToExpire: seconds(state.start + ttl - now), isBlocked: true };
    return { state, record: { ...record, timeToBlockExpire: seconds(state.blockedUntil - now) } };
  }
  const next: WindowState = !state || now >= state.start + ttl ? { start: now, hits: 0, blockedUntil: 0 } : { ...state };
  next.hits += 1;
  const isBlocked = next.hits > limit;
  if (isBlocked) next.blockedUntil = blockDuration > 0 ? now + blockDuration : next.start + ttl;
  return {
    state: next,
    record: {
      totalHits: next.hits,
      timeToExpire: seconds(next.start + ttl - now),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(next.blockedUntil - now) : 0,
    },
  };
}

/** The counters of one process: embedded mode, and the fallback while Redis is unreachable. */
export class MemoryRateLimitStore {
  private readonly windows = new Map<string, { state: WindowState; end: number }>();
  private lastSweep = 0;

  increment(key: string, now: number, ttl: number, limit: number, blockDuration: number): RateLimitRecord {
    this.sweep(now);
    const { state, record } = stepWindow(this.windows.get(key)?.state, now, ttl, limit, blockDuration);
    this.windows.set(key, { state, end: Math.max(state.start + ttl, state.blockedUntil) });
    return record;
  }

  /** Forgets the windows that ended, at most once a second. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, { end }] of this.windows) if (end <= now) this.windows.delete(key);
  }

  clear(): void {
    this.windows.clear();
  }
}

/** stepWindow in Redis, atomically: KEYS[1] the window's hash; ARGV now, ttl, limit, blockDuration (ms). */
const STEP_WINDOW_LUA = `
local now, ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local w = redis.call('HMGET', KEYS[1], 's', 'h', 'b')
local start, hits, blockedUntil = tonumber(w[1]), tonumber(w[2]) or 0, tonumber(w[3]) or 0
if start and blockedUntil > now then
  return {hits, start + ttl - now, 1, blockedUntil - now}
end
if (not start) or now >= start + ttl then
  start, hits, blockedUntil = now, 0, 0
end
hits = hits + 1
local blocked = 0
if hits > limit then
  blocked = 1
  if block > 0 then blockedUntil = now + block else blockedUntil = start + ttl end
end
redis.call('HSET', KEYS[1], 's', string.format('%.0f', start), 'h', hits, 'b', string.format('%.0f', blockedUntil))
redis.call('PEXPIRE', KEYS[1], math.max(start + ttl, blockedUntil) - now + 1000)
return {hits, start + ttl - now, blocked, blockedUntil - now}
`;

type StepCommand = (key: string, now: string, ttl: string, limit: string, block: string) => Promise<[number, number, number, number]>;

/**
 * The rate-limit counters of every limit, as @nestjs/throttler's storage.
 *
 * With REDIS_URL they live in Redis, so that every API process counts against the same
 * windows. The time is the API process's clock, not Redis's: the processes' clocks are
 * assumed in step (NTP), and tests can move the clock.
 *
 * Redis unreachable (or slower than half a second): fail open, counting in this process
 * alone meanwhile, so each process still limits on its own and a request never waits on
 * Redis longer than that.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly memory = new MemoryRateLimitStore();
  private readonly redisErrors: Counter;
  private redis: (Redis & { leadpanelRateLimit: StepCommand }) | null = null;
  private redisDown = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.redisErrors = new Counter({
      name: 'leadpanel_rate_limit_redis_errors_total',
      help: 'Requests whose rate limits were counted by this process alone because Redis did not answer',
      registers: [metrics.registry],
    });
  }

  /** The clock of the windows (Date.now; tests move it). */
  now(): number {
    return Date.now();
  }

  get shared(): boolean {
    return this.redis !== null;
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.queue.redisUrl;
    // once: the module is reached twice (RateLimitModule and ThrottlerModule import it), Nest calls the hook twice
    if (url === null || this.redis) return;
    const redis = new Redis(url, {
      // fail fast rather than queue: a request never waits for Redis to come back
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      commandTimeout: 500,
      keyPrefix: `${this.config.queue.prefix}:rate-limit:`,
      lazyConnect: true,
    });
    redis.on('error', () => undefined);
    redis.defineCommand('leadpanelRateLimit', { numberOfKeys: 1, lua: STEP_WINDOW_LUA });
    this.redis = redis as Redis & { leadpanelRateLimit: StepCommand };
    // down at boot: served from memory until it answers (ioredis keeps reconnecting)
    await redis.connect().catch(() => this.markDown(new Error('not reachable at boot')));
  }

  async onApplicationShutdown(): Promise<void> {
    this.memory.clear();
    const redis = this.redis;
    this.redis = null;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<RateLimitRecord> {
    const now = this.now();
    const fullKey = `${throttlerName}:${key}`;
    if (this.redis) {
      try {
        const [hits, expireMs, blocked, blockMs] = await this.redis.leadpanelRateLimit(
          fullKey,
          String(now),
          String(ttl),
          String(limit),
          String(blockDuration),
        );
        this.markUp();
        return {
          totalHits: hits,
          timeToExpire: seconds(expireMs),
          isBlocked: blocked === 1,
          timeToBlockExpire: blocked === 1 ? seconds(blockMs) : 0,
        };
      } catch (err) {
        this.markDown(err);
      }
    }
    return this.memory.increment(fullKey, now, ttl, limit, blockDuration);
  }

  private markDown(err: unknown): void {
    this.redisErrors.inc();
    if (this.redisDown) return;
    this.redisDown = true;
    this.logger.warn(
      `Redis does not answer (${err instanceof Error ? err.message : String(err)}): rate limits are counted by this process alone until it does`,
    );
  }

  private markUp(): void {
    if (!this.redisDown) return;
    this.redisDown = false;
    this.logger.warn('Redis answers again: rate limits are shared by every API process again');
  }
}
