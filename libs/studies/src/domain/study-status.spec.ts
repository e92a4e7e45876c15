import { canTransition, criteriaEditable, isStudyStatus, nextStatuses, STUDY_STATUSES, type StudyStatus } from './study-status';

/** The legal moves, written out by hand from docs/domain.md; every other pair is illegal. */
const LEGAL: ReadonlySet<string> = new Set([
  'draft→recruiting',
  'recruiting→in_field',
  'in_field→recruiting',
  'in_field→analysing',
  'analysing→closed',
]);

const ALL_PAIRS: [StudyStatus, StudyStatus, boolean][] = STUDY_STATUSES.flatMap((from) =>
  STUDY_STATUSES.map((to): [StudyStatus, StudyStatus, boolean] => [from, to, LEGAL.has(`${from}→${to}`)]),
);

describe('canTransition: every pair', () => {
  it('covers all 25 pairs', () => {
    expect(ALL_PAIRS).toHaveLength(25);
  });

  it.each(ALL_PAIRS)('%s → %s: %s', (from, to, legal) => {
    expect(canTransition(from, to)).toBe(legal);
  });
});

describe('nextStatuses', () => {
  it.each<[StudyStatus, StudyStatus[]]>([
    ['draft', ['recruiting']],
    ['recruiting', ['in_field']],
    ['in_field', ['recruiting', 'analysing']],
    ['analysing', ['closed']],
    ['closed', []],
  ])('%s → %j', (from, expected) => {
    expect(nextStatuses(from)).toEqual(expected);
  });

  it.each(STUDY_STATUSES.map((s) => [s]))('%s agrees with canTransition', (from) => {
    expect(nextStatuses(from)).toEqual(STUDY_STATUSES.filter((to) => canTransition(from, to)));
  });
});

describe('criteriaEditable', () => {
  it.each<[StudyStatus, boolean]>([
    ['draft', true],
    ['recruiting', true],
    ['in_field', false],
    ['analysing', false],
    ['closed', false],
  ])('%s: %s', (status, editable) => {
    expect(criteriaEditable(status)).toBe(editable);
  });
});

describe('isStudyStatus', () => {
  it.each<[unknown, boolean]>([
    ...STUDY_STATUSES.map((s): [unknown, boolean] => [s, true]),
    ['DRAFT', false],
    ['open', false],
    ['', false],
    [null, false],
    [3, false],
  ])('%j → %s', (value, expected) => {
    expect(isStudyStatus(value)).toBe(expected);
  });
});
