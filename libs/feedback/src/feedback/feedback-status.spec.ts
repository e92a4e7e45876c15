import {
  canTransition,
  CLOSED_FEEDBACK_STATUSES,
  FEEDBACK_STATUSES,
  isClosed,
  isFeedbackStatus,
  nextStatuses,
  type FeedbackStatus,
} from './feedback-status';

/** The legal moves, written out by hand from the decisions in feedback-status.ts; every other pair is illegal. */
const LEGAL: ReadonlySet<string> = new Set([
  'new→triaged',
  'new→wont_fix',
  'new→duplicate',
  'triaged→in_progress',
  'triaged→resolved',
  'triaged→wont_fix',
  'triaged→duplicate',
  'in_progress→resolved',
  'in_progress→wont_fix',
  'in_progress→duplicate',
  'resolved→triaged',
  'wont_fix→triaged',
  'duplicate→triaged',
]);

const ALL_PAIRS: [FeedbackStatus, FeedbackStatus, boolean][] = FEEDBACK_STATUSES.flatMap((from) =>
  FEEDBACK_STATUSES.map((to): [FeedbackStatus, FeedbackStatus, boolean] => [from, to, LEGAL.has(`${from}→${to}`)]),
);

describe('canTransition: every pair', () => {
  it('covers all 36 pairs, 13 of them legal', () => {
    expect(ALL_PAIRS).toHaveLength(36);
    expect(ALL_PAIRS.filter(([, , legal]) => legal)).toHaveLength(LEGAL.size);
  });

  it.each(ALL_PAIRS)('%s → %s: %s', (from, to, legal) => {
    expect(canTransition(from, to)).toBe(legal);
  });

  it.each(FEEDBACK_STATUSES.map((s) => [s]))('%s → %s itself is not a move', (s) => {
    expect(canTransition(s, s)).toBe(false);
  });

  it('never goes back to new', () => {
    for (const from of FEEDBACK_STATUSES) expect(canTransition(from, 'new')).toBe(false);
  });

  it('reopens every closed status to triaged, and to nothing else', () => {
    for (const from of CLOSED_FEEDBACK_STATUSES) expect(nextStatuses(from)).toEqual(['triaged']);
  });

  it('reaches every status from new', () => {
    const seen = new Set<FeedbackStatus>(['new']);
    const queue: FeedbackStatus[] = ['new'];
    while (queue.length) for (const to of nextStatuses(queue.shift()!)) if (!seen.has(to) && seen.add(to)) queue.push(to);
    expect([...seen].sort()).toEqual([...FEEDBACK_STATUSES].sort());
  });
});

describe('nextStatuses', () => {
  it.each<[FeedbackStatus, FeedbackStatus[]]>([
    ['new', ['triaged', 'wont_fix', 'duplicate']],
    ['triaged', ['in_progress', 'resolved', 'wont_fix', 'duplicate']],
    ['in_progress', ['resolved', 'wont_fix', 'duplicate']],
    ['resolved', ['triaged']],
    ['wont_fix', ['triaged']],
    ['duplicate', ['triaged']],
  ])('%s → %j', (from, expected) => {
    expect(nextStatuses(from)).toEqual(expected);
  });

  it.each(FEEDBACK_STATUSES.map((s) => [s]))('%s agrees with canTransition', (from) => {
    expect(nextStatuses(from)).toEqual(FEEDBACK_STATUSES.filter((to) => canTransition(from, to)));
  });
});

describe('isClosed', () => {
  it.each<[FeedbackStatus, boolean]>([
    ['new', false],
    ['triaged', false],
    ['in_progress', false],
    ['resolved', true],
    ['wont_fix', true],
    ['duplicate', true],
  ])('%s: %s', (status, closed) => {
    expect(isClosed(status)).toBe(closed);
  });
});

describe('isFeedbackStatus', () => {
  it.each<[unknown, boolean]>([
    ...FEEDBACK_STATUSES.map((s): [unknown, boolean] => [s, true]),
    ['NEW', false],
    ['in progress', false],
    ['closed', false],
    ['', false],
    [null, false],
    [undefined, false],
    [3, false],
  ])('%j → %s', (value, expected) => {
    expect(isFeedbackStatus(value)).toBe(expected);
  });
});
