import { MemoryRateLimitStore, stepWindow } from './rate-limit-storage';

describe('stepWindow: one fixed window per key', () => {
  const T0 = 1_800_000_000_000;

  it('counts up to the limit, refuses the next until the window ends (blockDuration 0), then opens a new window', () => {
    const store = new MemoryRateLimitStore();
    const hit = (at: number) => store.increment('k', T0 + at, 60_000, 3, 0);
    expect([hit(0), hit(1_000), hit(2_000)].map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(hit(10_000)).toEqual({ totalHits: 4, timeToExpire: 50, isBlocked: true, timeToBlockExpire: 50 });
    // refused requests are not counted
    expect(hit(59_000)).toEqual({ totalHits: 4, timeToExpire: 1, isBlocked: true, timeToBlockExpire: 1 });
    expect(hit(60_000)).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('with a blockDuration, refuses for that long from the refusal, past the end of the window', () => {
    let state;
    let record;
    for (const at of [0, 1, 2]) ({ state, record } = stepWindow(state, T0 + at, 60_000, 2, 60_000));
    expect(record).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    ({ record } = stepWindow(state, T0 + 60_001, 60_000, 2, 60_000));
    expect(record).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    ({ record } = stepWindow(state, T0 + 60_002, 60_000, 2, 60_000));
    expect(record).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('keeps keys apart and forgets the windows that ended', () => {
    const store = new MemoryRateLimitStore();
    expect(store.increment('a', T0, 60_000, 1, 0).isBlocked).toBe(false);
    expect(store.increment('a', T0 + 1, 60_000, 1, 0).isBlocked).toBe(true);
    expect(store.increment('b', T0 + 2, 60_000, 1, 0).isBlocked).toBe(false);
    expect(store.increment('c', T0 + 120_000, 60_000, 1, 0).totalHits).toBe(1);
    expect(store.increment('a', T0 + 120_001, 60_000, 1, 0)).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
