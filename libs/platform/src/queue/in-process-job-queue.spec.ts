import { Logger } from '@nestjs/common';
import { InProcessJobQueue } from './in-process-job-queue';
import type { JobContext } from './job';
import { JobRegistry } from './job-registry';
import type { RetryPolicy } from './retry-policy';
import { backoffDelay } from './retry-policy';

const POLICY: RetryPolicy = { attempts: 3, backoffMs: 5 };

describe('InProcessJobQueue', () => {
  let registry: JobRegistry;
  let queue: InProcessJobQueue;

  beforeEach(() => {
    registry = new JobRegistry();
    queue = new InProcessJobQueue(registry, POLICY);
    // failures are logged on purpose here
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('retries a failing handler and runs it until it succeeds, with attempts 1..3', async () => {
    const calls: JobContext[] = [];
    registry.register<{ n: number }>('flaky', (payload, ctx) => {
      calls.push(ctx);
      expect(payload).toEqual({ n: 1 });
      return ctx.attempt < 3 ? Promise.reject(new Error(`not yet (${ctx.attempt})`)) : Promise.resolve();
    });
    await queue.add('flaky', { n: 1 }, { jobId: 'job-1' });
    expect(calls).toEqual([
      { jobId: 'job-1', attempt: 1, maxAttempts: 3 },
      { jobId: 'job-1', attempt: 2, maxAttempts: 3 },
      { jobId: 'job-1', attempt: 3, maxAttempts: 3 },
    ]);
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('waits the exponential backoff between attempts', async () => {
    const policy: RetryPolicy = { attempts: 3, backoffMs: 40 };
    const slow = new InProcessJobQueue(registry, policy);
    const at: number[] = [];
    registry.register('flaky', () => {
      at.push(Date.now());
      return at.length < 3 ? Promise.reject(new Error('not yet')) : Promise.resolve();
    });
    await slow.add('flaky', {}, { jobId: 'job-b' });
    expect(at).toHaveLength(3);
    // timers may fire a little early or late; the order of magnitude is what counts
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(backoffDelay(policy, 1) - 5);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(backoffDelay(policy, 2) - 5);
  });

  it('runs a job id once, whether it is added again later or while it runs', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    registry.register('once', async () => {
      runs++;
      await gate;
    });
    const first = queue.add('once', {}, { jobId: 'same' });
    const second = queue.add('once', {}, { jobId: 'same' });
    release();
    await Promise.all([first, second]);
    await queue.add('once', {}, { jobId: 'same' });
    expect(runs).toBe(1);
    await queue.add('once', {}, { jobId: 'other' });
    expect(runs).toBe(2);
  });

  it('gives up after policy.attempts on a handler that always fails, without throwing', async () => {
    const attempts: number[] = [];
    registry.register('doomed', (_p, ctx) => {
      attempts.push(ctx.attempt);
      return Promise.reject(new Error('always'));
    });
    await expect(queue.add('doomed', {}, { jobId: 'job-2' })).resolves.toBeUndefined();
    expect(attempts).toEqual([1, 2, 3]);
    expect((await queue.counts()).failed).toBe(1);
    // given up for good: adding the same id again does not start over
    await queue.add('doomed', {}, { jobId: 'job-2' });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('drops a job nobody processes, without throwing', async () => {
    await expect(queue.add('nobody.handles.this', { x: 1 }, { jobId: 'job-3' })).resolves.toBeUndefined();
    expect((await queue.counts()).failed).toBe(1);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining('nobody.handles.this'));
  });

  it('counts the jobs that run', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    registry.register('slow', () => gate);
    const running = queue.add('slow', {}, { jobId: 'job-4' });
    expect((await queue.counts()).active).toBe(1);
    release();
    await running;
    expect((await queue.counts()).active).toBe(0);
  });
});
