import { InProcessJobQueue } from './in-process-job-queue';
import { JobRegistry } from './job-registry';
import { defineJobs } from './jobs';

const REMIND = 'test.remind';
const EXPIRE = 'test.expire';

interface TestJobs {
  [REMIND]: { waveId: string; n: number };
  [EXPIRE]: { waveId: string };
}

const testJobs = defineJobs<TestJobs>();

describe('defineJobs', () => {
  it('writes the outbox message of a job as before: topic, payload and options', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(testJobs.message(REMIND, { waveId: 'w1', n: 2 }, { availableAt: at, dedupeKey: `${REMIND}:w1:2`, subjectId: 'u1' })).toEqual({
      topic: REMIND,
      payload: { waveId: 'w1', n: 2 },
      availableAt: at,
      dedupeKey: `${REMIND}:w1:2`,
      subjectId: 'u1',
    });
    expect(testJobs.message(EXPIRE, { waveId: 'w1' })).toEqual({ topic: EXPIRE, payload: { waveId: 'w1' } });
  });

  it('registers the handler under the job name; the enqueued message reaches it with its payload', async () => {
    const registry = new JobRegistry();
    const queue = new InProcessJobQueue(registry, { attempts: 1, backoffMs: 1 });
    const seen: Array<{ waveId: string; n: number }> = [];
    testJobs.register(registry, REMIND, (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    expect(registry.names()).toEqual([REMIND]);
    const m = testJobs.message(REMIND, { waveId: 'w1', n: 1 });
    await queue.add(m.topic, m.payload, { jobId: 'job-1' });
    expect(seen).toEqual([{ waveId: 'w1', n: 1 }]);
  });

  // Type-level: tsc (`npx tsc -p tsconfig.json --noEmit`) fails if any of these lines stops being an error.
  it('refuses, at compile time, a payload or handler that does not fit the job', () => {
    const registry = new JobRegistry();
    const wrong = (): void => {
      // @ts-expect-error a field the job does not have
      testJobs.message(EXPIRE, { waveId: 'w1', n: 1 });
      // @ts-expect-error a field missing
      testJobs.message(REMIND, { waveId: 'w1' });
      // @ts-expect-error a field of the wrong type
      testJobs.message(REMIND, { waveId: 'w1', n: '1' });
      // @ts-expect-error a job name the map does not know
      testJobs.message('test.unknown', { waveId: 'w1' });
      // @ts-expect-error a handler reading a field the payload does not have
      testJobs.register(registry, EXPIRE, ({ n }: { n: number }) => Promise.resolve(void n));
      // @ts-expect-error a handler expecting a field of another type
      testJobs.register(registry, REMIND, (p: { waveId: string; n: string }) => Promise.resolve(void p));
      testJobs.register(registry, EXPIRE, ({ waveId }) => {
        // @ts-expect-error the payload's field has its declared type
        const n: number = waveId;
        return Promise.resolve(void n);
      });
    };
    expect(wrong).toBeInstanceOf(Function);
  });
});
