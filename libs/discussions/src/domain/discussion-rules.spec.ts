import {
  charCount,
  codeIdsCheck,
  codeNameKey,
  DISCUSSION_LIMITS,
  editWindowOpen,
  IDEA_STATUSES,
  mailTime,
  mayWrite,
  moderationChanges,
  moderationProblems,
  moderationRefusal,
  normalizeText,
  POST_KINDS,
  readGate,
  reminderAt,
  replyParentProblem,
  ROUND_MODES,
  roundProblems,
  roundState,
  visibleTo,
  type DiscussionRole,
  type ModerationInput,
  type ParentCandidate,
  type PostKind,
  type RoundInput,
  type RoundMode,
  type RoundState,
} from './discussion-rules';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const MIN = 60_000;
const HOUR = 60 * MIN;

const ROUND = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER_ROUND = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PARENT = '11111111-1111-4111-8111-111111111111';
const TOP = '22222222-2222-4222-8222-222222222222';
const CODE_A = 'c0c0c0c0-0000-4000-8000-00000000000a';
const CODE_B = 'c0c0c0c0-0000-4000-8000-00000000000b';

describe('normalizeText', () => {
  it.each<[string, string, string]>([
    ['plain text', 'A kettle that tells me the water is 80 °C', 'A kettle that tells me the water is 80 °C'],
    ['surrounding spaces and newlines', '  \n\tMy idea\n\n ', 'My idea'],
    ['inner newlines', 'line one\n\nline two', 'line one\n\nline two'],
    ['markup, kept as text', '<script>alert("x")</script>', '<script>alert("x")</script>'],
    ['an HTML entity, not decoded', '&lt;b&gt;', '&lt;b&gt;'],
    ['a non-breaking space around', '\u00a0idea\u00a0', 'idea'],
  ])('%s → stored as %j', (_what, raw, stored) => {
    expect(normalizeText(raw, 'body', DISCUSSION_LIMITS.body)).toEqual({ ok: true, value: stored });
  });

  it.each<[string, string, RegExp]>([
    ['empty', '', /blank/],
    ['only spaces', '   ', /blank/],
    ['only newlines and tabs', '\n\t\r\n', /blank/],
    ['a NUL character', 'a\u0000b', /NUL/],
    ['one character too many', 'x'.repeat(10_001), /at most 10000 characters after trimming \(it has 10001\)/],
  ])('refuses %s', (_what, raw, message) => {
    const r = normalizeText(raw, 'body', DISCUSSION_LIMITS.body);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.field).toBe('body');
      expect(r.problem.message).toMatch(message);
    }
  });

  it.each<[string, string, number]>([
    ['exactly the limit', 'x'.repeat(10_000), 10_000],
    ['the limit once trimmed', `   ${'x'.repeat(10_000)}   `, 10_000],
    ['one character', 'x', 1],
    ['the limit in emoji (two UTF-16 units each, one character)', '😀'.repeat(10_000), 10_000],
  ])('takes %s', (_what, raw, chars) => {
    const r = normalizeText(raw, 'body', DISCUSSION_LIMITS.body);
    expect(r.ok).toBe(true);
    if (r.ok) expect(charCount(r.value)).toBe(chars);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(charCount('😀é')).toBe(2);
    expect('😀é'.length).toBe(3);
  });
});

describe('roundProblems', () => {
  const round = (over: Partial<RoundInput> = {}): RoundInput => ({
    title: 'Mornings',
    prompt: 'Tell us about your first coffee of the day',
    opensAt: at(HOUR),
    closesAt: at(7 * 24 * HOUR),
    mode: 'open',
    ...over,
  });
  const fields = (over: Partial<RoundInput>) => roundProblems(round(over), NOW).map((p) => p.field);

  it.each<[string, Partial<RoundInput>, string[]]>([
    ['a round opening later', {}, []],
    ['a round already open', { opensAt: at(-HOUR) }, []],
    ['a post-first round', { mode: 'post_first' }, []],
    ['closesAt equal to opensAt', { opensAt: at(HOUR), closesAt: at(HOUR) }, ['closesAt']],
    ['closesAt before opensAt', { opensAt: at(2 * HOUR), closesAt: at(HOUR) }, ['closesAt']],
    ['a round over already', { opensAt: at(-2 * HOUR), closesAt: at(-HOUR) }, ['closesAt']],
    ['a round closing right now', { opensAt: at(-2 * HOUR), closesAt: NOW }, ['closesAt']],
    ['a blank title', { title: '  ' }, ['title']],
    ['a blank prompt', { prompt: '\n' }, ['prompt']],
    ['everything wrong', { title: '', prompt: '', closesAt: at(0), opensAt: at(HOUR) }, ['title', 'prompt', 'closesAt']],
    ['a title of 201 characters', { title: 't'.repeat(201) }, ['title']],
  ])('%s → %j', (_what, over, expected) => {
    expect(fields(over)).toEqual(expected);
  });

  it('says why closesAt is refused', () => {
    expect(roundProblems(round({ closesAt: at(-HOUR), opensAt: at(-2 * HOUR) }), NOW)[0].message).toMatch(/future/);
    expect(roundProblems(round({ closesAt: at(0) }), NOW)[0].message).toBe('closesAt must be after opensAt');
  });
});

describe('roundState and mayWrite', () => {
  const round = { opensAt: at(0), closesAt: at(HOUR) };

  it.each<[string, number, RoundState]>([
    ['a millisecond before it opens', -1, 'scheduled'],
    ['the moment it opens', 0, 'open'],
    ['in the middle', 30 * MIN, 'open'],
    ['a millisecond before it closes', HOUR - 1, 'open'],
    ['the moment it closes', HOUR, 'closed'],
    ['a day later', 24 * HOUR, 'closed'],
  ])('%s: %s', (_what, offset, state) => {
    expect(roundState(round, at(offset))).toBe(state);
  });

  const roles: DiscussionRole[] = ['researcher', 'panellist'];
  const states: RoundState[] = ['scheduled', 'open', 'closed'];
  it.each(
    roles.flatMap((role) =>
      states.map((state): [DiscussionRole, RoundState, boolean] => [role, state, role === 'researcher' || state === 'open']),
    ),
  )('%s in a %s round may write: %s', (role, state, allowed) => {
    expect(mayWrite(role, state)).toBe(allowed);
  });
});

describe('readGate', () => {
  const cases: Array<[DiscussionRole, RoundMode, boolean, 'allow' | 'post_first']> = [];
  for (const role of ['researcher', 'panellist'] as DiscussionRole[]) {
    for (const mode of ROUND_MODES) {
      for (const posted of [true, false]) {
        cases.push([role, mode, posted, role === 'panellist' && mode === 'post_first' && !posted ? 'post_first' : 'allow']);
      }
    }
  }

  it('covers every role, mode and posting state', () => {
    expect(cases).toHaveLength(8);
    expect(cases.filter((c) => c[3] === 'post_first')).toEqual([['panellist', 'post_first', false, 'post_first']]);
  });

  it.each(cases)('%s in a %s round, own top-level post %s → %s', (role, mode, hasOwnTopLevelPost, expected) => {
    expect(readGate({ role, mode, hasOwnTopLevelPost })).toBe(expected);
  });
});

describe('editWindowOpen', () => {
  const created = at(0);
  it.each<[string, number, boolean]>([
    ['right after writing', 0, true],
    ['after 14 min 59.999 s', 15 * MIN - 1, true],
    ['at 15 minutes', 15 * MIN, false],
    ['after 16 minutes', 16 * MIN, false],
    ['a day later', 24 * HOUR, false],
  ])('%s: %s', (_what, offset, open) => {
    expect(editWindowOpen(created, at(offset))).toBe(open);
  });
});

describe('visibleTo', () => {
  it.each<[DiscussionRole, boolean, boolean | null, boolean]>([
    ['researcher', false, null, true],
    ['researcher', true, null, true],
    ['researcher', false, true, true],
    ['panellist', false, null, true],
    ['panellist', true, null, false],
    ['panellist', false, false, true],
    ['panellist', false, true, false],
    ['panellist', true, true, false],
  ])('%s, post hidden %s, parent hidden %s → %s', (role, hidden, parentHidden, expected) => {
    expect(visibleTo(role, { hidden }, parentHidden === null ? null : { hidden: parentHidden })).toBe(expected);
  });
});

describe('replyParentProblem', () => {
  const parent = (over: Partial<ParentCandidate> = {}): ParentCandidate => ({ roundId: ROUND, parentId: null, hidden: false, ...over });

  it.each<[string, DiscussionRole, ParentCandidate | null, RegExp | null]>([
    ['a top-level post of the round', 'panellist', parent(), null],
    ['a top-level post, for a researcher', 'researcher', parent(), null],
    ['a missing post', 'panellist', null, /not a post of this round/],
    ['a post of another round', 'panellist', parent({ roundId: OTHER_ROUND }), /not a post of this round/],
    ['a post of another round, for a researcher', 'researcher', parent({ roundId: OTHER_ROUND }), /not a post of this round/],
    ['a hidden post, for a panellist', 'panellist', parent({ hidden: true }), /not a post of this round/],
    ['a hidden post, for a researcher', 'researcher', parent({ hidden: true }), null],
    ['a reply', 'panellist', parent({ parentId: TOP }), new RegExp(`reply to the top-level post ${TOP}`)],
  ])('%s → %s', (_what, role, p, expected) => {
    const problem = replyParentProblem(role, ROUND, PARENT, p);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('moderation', () => {
  it.each<[string, ModerationInput, string[]]>([
    ['nothing', {}, ['moderation']],
    ['hidden', { hidden: true }, []],
    ['unhidden', { hidden: false }, []],
    ['pinned', { pinned: true }, []],
    ['an idea status', { ideaStatus: 'selected' }, []],
    ['all three', { hidden: false, pinned: false, ideaStatus: 'declined' }, []],
  ])('problems of %s → %j', (_what, input, fields) => {
    expect(moderationProblems(input).map((p) => p.field)).toEqual(fields);
  });

  const refusals: Array<[string, PostKind, 'a reply' | 'top-level', string | null, ModerationInput]> = [];
  for (const kind of POST_KINDS) {
    for (const place of ['top-level', 'a reply'] as const) {
      for (const status of IDEA_STATUSES) {
        refusals.push([`status ${status}`, kind, place, kind === 'idea' ? null : 'NOT_AN_IDEA', { ideaStatus: status }]);
      }
      refusals.push(['a pin', kind, place, place === 'a reply' ? 'CANNOT_PIN_REPLY' : null, { pinned: true }]);
      refusals.push(['an unpin', kind, place, null, { pinned: false }]);
      refusals.push(['a hide', kind, place, null, { hidden: true }]);
    }
  }

  it.each(refusals)('%s: %s post, %s → %s', (_what, kind, place, code, input) => {
    expect(moderationRefusal(input, { kind, parentId: place === 'a reply' ? TOP : null })?.code ?? null).toBe(code);
  });

  it('records each field asked for with its value before and after, and nothing else', () => {
    const post = { hidden: false, pinned: true, ideaStatus: 'new' as const };
    expect(moderationChanges({ hidden: true }, post)).toEqual({ hidden: { from: false, to: true } });
    expect(moderationChanges({ pinned: true, ideaStatus: 'selected' }, post)).toEqual({
      pinned: { from: true, to: true },
      ideaStatus: { from: 'new', to: 'selected' },
    });
    expect(moderationChanges({ hidden: false }, { ...post, ideaStatus: null })).toEqual({ hidden: { from: false, to: false } });
  });
});

describe('reminderAt', () => {
  const DAY = 24 * HOUR;
  it.each<[string, RoundMode, number, number, number | null]>([
    ['a week-long post-first round opening now', 'post_first', 0, 7 * DAY, 6 * DAY],
    ['a post-first round opening tomorrow for three days', 'post_first', DAY, 4 * DAY, 3 * DAY],
    ['a round of 24 h and a minute', 'post_first', HOUR, DAY + HOUR + MIN, HOUR + MIN],
    ['a round of exactly 24 h', 'post_first', HOUR, DAY + HOUR, null],
    ['an open round', 'open', 0, 7 * DAY, null],
    ['a post-first round closing within 24 h', 'post_first', -HOUR, 20 * HOUR, null],
    ['a post-first round closing in exactly 24 h', 'post_first', -HOUR, DAY, null],
    ['a post-first round shorter than 24 h', 'post_first', 2 * DAY, 2 * DAY + 12 * HOUR, null],
  ])('%s (%s, opens %d, closes %d) → %s', (_what, mode, opens, closes, expected) => {
    const r = reminderAt({ mode, opensAt: at(opens), closesAt: at(closes) }, NOW);
    expect(r).toEqual(expected === null ? null : at(expected));
  });
});

describe('codeIdsCheck', () => {
  const book = new Set([CODE_A, CODE_B]);
  it.each<[string, string[], string[], string[]]>([
    ['no codes (clears them)', [], [], []],
    ['two codes', [CODE_A, CODE_B], [CODE_A, CODE_B], []],
    ['a code twice', [CODE_A, CODE_A], [CODE_A], []],
    ['an upper-case id', [CODE_B.toUpperCase()], [CODE_B], []],
    ['an unknown code', [CODE_A, PARENT], [CODE_A], ['codeIds[1]']],
    ['two unknown codes', [PARENT, CODE_B, TOP], [CODE_B], ['codeIds[0]', 'codeIds[2]']],
  ])('%s', (_what, input, ids, fields) => {
    const r = codeIdsCheck(input, book);
    expect(r.ids).toEqual(ids);
    expect(r.problems.map((p) => p.field)).toEqual(fields);
  });
});

describe('codeNameKey and mailTime', () => {
  it.each<[string, string]>([
    ['Price', 'price'],
    ['  PRICE ', 'price'],
    ['Price   concern', 'price concern'],
    ['Énergie', 'énergie'],
  ])('%j → %j', (name, key) => {
    expect(codeNameKey(name)).toBe(key);
  });

  it('writes a time the same way for every reader', () => {
    expect(mailTime(new Date('2026-12-10T18:05:59.999Z'))).toBe('2026-12-10 18:05 UTC');
  });
});
