import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  /** give up after this long (default 20 s) */
  timeoutMs?: number;
  /** between two probes (default 50 ms) */
  intervalMs?: number;
  /**
   * A probe that throws is "not yet" rather than a failure: for servers that are restarting.
   * The last error is in the time-out's message.
   */
  retryErrors?: boolean;
}

/**
 * The tests' one polling helper: calls `probe` until it returns something other than
 * undefined, null or false, and returns that; fails with `what` after the time-out.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T> | T,
  options: number | EventuallyOptions = {},
): Promise<NonNullable<Exclude<T, false>>> {
  const { timeoutMs = 20_000, intervalMs = 50, retryErrors = false } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<Exclude<T, false>>;
    } catch (err) {
      if (!retryErrors) throw err;
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(intervalMs);
  }
}
