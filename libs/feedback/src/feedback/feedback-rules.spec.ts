import {
  decideTriage,
  duplicateTargetProblem,
  FEEDBACK_KINDS,
  FEEDBACK_SEVERITIES,
  filingProblems,
  normalizeFiling,
  triageProblems,
  type FeedbackKind,
  type FeedbackSeverity,
  type FilingInput,
  type TriageDecision,
  type TriageInput,
} from './feedback-rules';
import { canTransition, FEEDBACK_STATUSES, type FeedbackStatus } from './feedback-status';

const ITEM = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const THIRD = '33333333-3333-4333-8333-333333333333';
const STUDY = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER_STUDY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const filing = (over: Partial<FilingInput>): FilingInput => ({ kind: 'idea', title: 'A title', body: 'A body', ...over });
const fields = (input: FilingInput) => filingProblems(input).map((p) => p.field);

describe('filingProblems: kind × severity', () => {
  const severities: Array<FeedbackSeverity | null | undefined> = [...FEEDBACK_SEVERITIES, null, undefined];
  const cases: [FeedbackKind, FeedbackSeverity | null | undefined, boolean][] = FEEDBACK_KINDS.flatMap((kind) =>
    severities.map((severity): [FeedbackKind, FeedbackSeverity | null | undefined, boolean] => {
      const hasSeverity = severity !== null && severity !== undefined;
      return [kind, severity, kind === 'bug' ? hasSeverity : !hasSeverity];
    }),
  );

  it('covers every kind with every severity and with none', () => {
    expect(cases).toHaveLength(FEEDBACK_KINDS.length * (FEEDBACK_SEVERITIES.length + 2));
  });

  it.each(cases)('%s with severity %s: valid %s', (kind, severity, valid) => {
    const problems = filingProblems(filing({ kind, severity }));
    if (valid) expect(problems).toEqual([]);
    else expect(problems).toEqual([{ field: 'severity', message: expect.any(String) }]);
  });
});

describe('filingProblems: text', () => {
  it.each<[string, Partial<FilingInput>, string[]]>([
    ['a blank title', { title: '   ' }, ['title']],
    ['a blank body', { body: '\n\t ' }, ['body']],
    ['both blank', { title: ' ', body: ' ' }, ['title', 'body']],
    ['a bug with nothing', { kind: 'bug', title: '', body: '' }, ['severity', 'title', 'body']],
    ['an empty area (it is optional)', { area: '' }, []],
    ['text with surrounding spaces', { title: '  Crash  ', body: ' x ' }, []],
  ])('%s → %j', (_what, over, expected) => {
    expect(fields(filing(over))).toEqual(expected);
  });
});

describe('normalizeFiling', () => {
  it('trims the title and the area, keeps the body as written', () => {
    expect(normalizeFiling(filing({ title: '  Crash on pairing ', area: ' app ', body: '  steps:\n1. open  ' }))).toEqual({
      kind: 'idea',
      severity: null,
      area: 'app',
      title: 'Crash on pairing',
      body: '  steps:\n1. open  ',
      productId: null,
    });
  });

  it.each<[string | null | undefined]>([[undefined], [null], [''], ['   ']])('turns area %j into no area', (area) => {
    expect(normalizeFiling(filing({ area })).area).toBeNull();
  });

  it('keeps a bug severity and a product id', () => {
    const n = normalizeFiling(filing({ kind: 'bug', severity: 'blocker', productId: OTHER }));
    expect(n).toMatchObject({ kind: 'bug', severity: 'blocker', productId: OTHER });
  });
});

describe('triageProblems', () => {
  const cases: [string, TriageInput, string[]][] = [
    ...FEEDBACK_STATUSES.filter((s) => s !== 'duplicate').map((status): [string, TriageInput, string[]] => [
      `${status} without a target`,
      { status },
      [],
    ]),
    ...FEEDBACK_STATUSES.filter((s) => s !== 'duplicate').map((status): [string, TriageInput, string[]] => [
      `${status} with a target`,
      { status, duplicateOfId: OTHER },
      ['duplicateOfId'],
    ]),
    ['duplicate with a target', { status: 'duplicate', duplicateOfId: OTHER }, []],
    ['duplicate without a target', { status: 'duplicate' }, ['duplicateOfId']],
    ['duplicate with a null target', { status: 'duplicate', duplicateOfId: null }, ['duplicateOfId']],
    ['a null target on another status', { status: 'triaged', duplicateOfId: null }, []],
    ['a note', { status: 'triaged', note: 'Seen on iOS 18 too' }, []],
    ['a blank note', { status: 'triaged', note: '  ' }, ['note']],
    ['a blank note and a missing target', { status: 'duplicate', note: '' }, ['duplicateOfId', 'note']],
  ];

  it.each(cases)('%s → %j', (_what, input, expected) => {
    expect(triageProblems(input).map((p) => p.field)).toEqual(expected);
  });
});

describe('decideTriage', () => {
  const at = (status: FeedbackStatus, duplicateOfId: string | null = status === 'duplicate' ? OTHER : null) => ({ status, duplicateOfId });
  const action = (d: TriageDecision) => d.action;

  it.each<[string, ReturnType<typeof at>, TriageInput, TriageDecision['action']]>([
    ['a legal move', at('new'), { status: 'triaged' }, 'move'],
    ['a legal move with a note', at('triaged'), { status: 'in_progress', note: 'on it' }, 'move'],
    ['an illegal move', at('new'), { status: 'resolved' }, 'refuse'],
    ['an illegal move with a note', at('new'), { status: 'in_progress', note: 'why not' }, 'refuse'],
    ['a move back', at('in_progress'), { status: 'triaged' }, 'refuse'],
    ['a reopen', at('resolved'), { status: 'triaged' }, 'move'],
    ['closing one way then another', at('resolved'), { status: 'wont_fix' }, 'refuse'],
    ['marking a duplicate', at('new'), { status: 'duplicate', duplicateOfId: OTHER }, 'move'],
    ['leaving duplicate', at('duplicate'), { status: 'triaged' }, 'move'],
    ['the same status with a note', at('in_progress'), { status: 'in_progress', note: 'waiting for firmware' }, 'note'],
    ['the same status without a note', at('in_progress'), { status: 'in_progress' }, 'refuse'],
    ['the same status with a blank note', at('triaged'), { status: 'triaged', note: ' ' }, 'refuse'],
    ['the same duplicate again', at('duplicate', OTHER), { status: 'duplicate', duplicateOfId: OTHER }, 'refuse'],
    [
      'the same duplicate with a note',
      at('duplicate', OTHER),
      { status: 'duplicate', duplicateOfId: OTHER, note: 'same root cause' },
      'note',
    ],
    ['a duplicate re-pointed', at('duplicate', OTHER), { status: 'duplicate', duplicateOfId: THIRD }, 'repoint'],
    [
      'a duplicate re-pointed with a note',
      at('duplicate', OTHER),
      { status: 'duplicate', duplicateOfId: THIRD, note: 'older report' },
      'repoint',
    ],
  ])('%s → %s', (_what, current, input, expected) => {
    expect(action(decideTriage(current, input))).toBe(expected);
  });

  it('moves exactly when the table allows it, for every pair of different statuses', () => {
    for (const from of FEEDBACK_STATUSES) {
      for (const to of FEEDBACK_STATUSES.filter((s) => s !== from)) {
        const d = decideTriage(at(from), { status: to, duplicateOfId: to === 'duplicate' ? THIRD : undefined });
        expect({ from, to, action: d.action }).toEqual({ from, to, action: canTransition(from, to) ? 'move' : 'refuse' });
      }
    }
  });

  it('says why it refuses', () => {
    expect(decideTriage(at('new'), { status: 'resolved' })).toEqual({
      action: 'refuse',
      reason: 'Feedback cannot go from new to resolved',
    });
    expect(decideTriage(at('triaged'), { status: 'triaged' })).toEqual({
      action: 'refuse',
      reason: expect.stringContaining('already triaged'),
    });
  });
});

describe('duplicateTargetProblem', () => {
  const item = { id: ITEM, studyId: STUDY };
  const target = (over: Partial<{ id: string; studyId: string; status: FeedbackStatus }> = {}) => ({
    id: OTHER,
    studyId: STUDY,
    status: 'triaged' as FeedbackStatus,
    ...over,
  });

  it.each<[string, string, ReturnType<typeof target> | null, RegExp | null]>([
    ['itself', ITEM, target({ id: ITEM }), /itself/],
    ['itself, even unread', ITEM, null, /itself/],
    ['a missing item', OTHER, null, /not an item of the same study/],
    ['an item of another study', OTHER, target({ studyId: OTHER_STUDY }), /not an item of the same study/],
    ['a duplicate', OTHER, target({ status: 'duplicate' }), /itself a duplicate/],
    ...FEEDBACK_STATUSES.filter((s) => s !== 'duplicate').map((status): [string, string, ReturnType<typeof target>, null] => [
      `a ${status} item of the same study`,
      OTHER,
      target({ status }),
      null,
    ]),
  ])('%s → %s', (_what, targetId, t, expected) => {
    const problem = duplicateTargetProblem(item, targetId, t);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
