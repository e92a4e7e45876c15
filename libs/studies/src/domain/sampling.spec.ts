import { hashSeed, largestRemainder, planWave, seededRandom, seededShuffle, type WaveCandidate, type WaveCell } from './sampling';

/** `count` candidates `<prefix>-001`… in the given cells. */
const people = (prefix: string, count: number, ...cells: string[]): WaveCandidate[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, cells }));
const wcell = (key: string, remaining: number, openInvitations = 0): WaveCell => ({ key, remaining, openInvitations });

/** How many chosen candidates sit in each cell. */
function perCell(chosen: string[], candidates: WaveCandidate[]): Record<string, number> {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const out: Record<string, number> = {};
  for (const id of chosen) {
    const cells = byId.get(id)?.cells ?? [];
    for (const key of cells.length > 0 ? cells : ['(none)']) out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const SEEDS = Array.from({ length: 12 }, (_, i) => [`seed-${i}`]);

describe('seeded randomness (pinned: changing these changes every past sample)', () => {
  it.each<[string, number]>([
    ['', 0x811c9dc5], // FNV-1a published test vectors
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    ['leadpanel', 0x1b8b15f7],
  ])('hashSeed(%j) = %d', (seed, hash) => {
    expect(hashSeed(seed)).toBe(hash);
  });

  it('mulberry32 from the hash of "leadpanel"', () => {
    const random = seededRandom('leadpanel');
    expect([random(), random(), random()]).toEqual([0.040332685923203826, 0.9080301779322326, 0.38151063094846904]);
  });

  it('a shuffle', () => {
    expect(seededShuffle([...'abcdefgh'], 'leadpanel').join('')).toBe('fbhedcga');
    expect(seededShuffle([...'abcdefgh'], 'wave-2').join('')).toBe('bfcdahge');
  });

  it.each(SEEDS)('shuffle with %s is a permutation', (seed) => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect([...seededShuffle(items, seed)].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('largestRemainder', () => {
  it.each<[string, number, [string, number][], Record<string, number>]>([
    [
      'exact split',
      20,
      [
        ['FR', 30],
        ['DE', 10],
      ],
      { FR: 15, DE: 5 },
    ],
    [
      'tie on the remainder: smaller key first',
      7,
      [
        ['FR', 10],
        ['DE', 10],
      ],
      { FR: 3, DE: 4 },
    ],
    [
      'tie on the remainder: larger weight first',
      1,
      [
        ['a', 1],
        ['b', 3],
      ],
      { a: 0, b: 1 },
    ],
    [
      'largest remainder wins',
      7,
      [
        ['a', 5],
        ['b', 3],
        ['c', 2],
      ],
      { a: 4, b: 2, c: 1 },
    ],
    [
      'tiny need gets nothing',
      10,
      [
        ['a', 1],
        ['b', 99],
      ],
      { a: 0, b: 10 },
    ],
    [
      'more places than need',
      50,
      [
        ['a', 3],
        ['b', 1],
      ],
      { a: 38, b: 12 },
    ],
    ['size 0', 0, [['a', 3]], { a: 0 }],
    ['no weight', 5, [['a', 0]], { a: 0 }],
    ['no cells', 5, [], {}],
  ])('%s', (_name, size, weights, expected) => {
    const split = largestRemainder(
      size,
      weights.map(([key, weight]) => ({ key, weight })),
    );
    expect(Object.fromEntries(split)).toEqual(expected);
    if (weights.some(([, w]) => w > 0)) expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(size);
  });
});

describe('planWave: determinism', () => {
  const candidates = [...people('fr', 40, 'country=FR'), ...people('de', 40, 'country=DE'), ...people('be', 10)];
  const cells = [wcell('country=FR', 30), wcell('country=DE', 10)];

  it.each(SEEDS)('%s: same inputs → same sample', (seed) => {
    expect(planWave({ size: 20, candidates, cells, seed })).toEqual(planWave({ size: 20, candidates, cells, seed }));
  });

  it.each(SEEDS)('%s: the order the candidates arrive in does not matter', (seed) => {
    const reversed = [...candidates].reverse();
    const scrambled = seededShuffle(candidates, `${seed}-scramble`);
    const expected = planWave({ size: 20, candidates, cells, seed });
    expect(planWave({ size: 20, candidates: reversed, cells, seed })).toEqual(expected);
    expect(planWave({ size: 20, candidates: scrambled, cells, seed })).toEqual(expected);
  });

  it('different seeds → different samples', () => {
    const samples = new Set(SEEDS.map(([seed]) => planWave({ size: 20, candidates, cells, seed }).join(',')));
    expect(samples.size).toBe(SEEDS.length);
  });

  it.each(SEEDS)('%s: the sample is in shuffled order', (seed) => {
    const shuffled = seededShuffle(candidates.map((c) => c.id).sort(), seed);
    const chosen = planWave({ size: 20, candidates, cells, seed });
    expect(chosen).toEqual(shuffled.filter((id) => chosen.includes(id)));
  });
});

describe('planWave: no quotas', () => {
  const candidates = people('p', 30);

  it.each<[number, number]>([
    [0, 0],
    [1, 1],
    [10, 10],
    [30, 30],
    [45, 30],
  ])('size %d → %d chosen, the head of the shuffled list', (size, count) => {
    const chosen = planWave({ size, candidates, cells: [], seed: 's' });
    expect(chosen).toHaveLength(count);
    expect(chosen).toEqual(seededShuffle(candidates.map((c) => c.id).sort(), 's').slice(0, size));
  });

  it('no candidates → empty', () => {
    expect(planWave({ size: 5, candidates: [], cells: [], seed: 's' })).toEqual([]);
  });
});

describe('planWave: spread by remaining need', () => {
  it.each<[string, number, [string, number][], Record<string, number>]>([
    [
      'FR needs 30, DE 10, wave 20',
      20,
      [
        ['FR', 30],
        ['DE', 10],
      ],
      { 'country=FR': 15, 'country=DE': 5 },
    ],
    [
      'equal need, odd wave',
      7,
      [
        ['FR', 10],
        ['DE', 10],
      ],
      { 'country=DE': 4, 'country=FR': 3 },
    ],
    [
      'three cells',
      14,
      [
        ['FR', 10],
        ['DE', 6],
        ['IT', 4],
      ],
      { 'country=FR': 7, 'country=DE': 4, 'country=IT': 3 },
    ],
    [
      'wave larger than the need: room allows 3 ×',
      40,
      [
        ['FR', 30],
        ['DE', 10],
      ],
      { 'country=FR': 30, 'country=DE': 10 },
    ],
  ])('%s', (_name, size, needs, expected) => {
    const candidates = needs.flatMap(([c]) => people(c.toLowerCase(), 60, `country=${c}`));
    const cells = needs.map(([c, need]) => wcell(`country=${c}`, need));
    for (const [seed] of SEEDS) expect(perCell(planWave({ size, candidates, cells, seed }), candidates)).toEqual(expected);
  });

  it.each(SEEDS)('%s: two dimensions, every combination available → 5/5 and 5/5', (seed) => {
    const candidates = [
      ...people('frf', 25, 'country=FR', 'gender=female'),
      ...people('frm', 25, 'country=FR', 'gender=male'),
      ...people('def', 25, 'country=DE', 'gender=female'),
      ...people('dem', 25, 'country=DE', 'gender=male'),
    ];
    const cells = [wcell('country=FR', 10), wcell('country=DE', 10), wcell('gender=female', 10), wcell('gender=male', 10)];
    const counts = perCell(planWave({ size: 10, candidates, cells, seed }), candidates);
    expect(counts).toEqual({ 'country=FR': 5, 'country=DE': 5, 'gender=female': 5, 'gender=male': 5 });
  });
});

describe('planWave: caps', () => {
  it.each(SEEDS)('%s: candidates in a full cell are skipped, even in the top-up', (seed) => {
    const candidates = [...people('fr', 30, 'country=FR'), ...people('de', 30, 'country=DE')];
    const cells = [wcell('country=FR', 5), wcell('country=DE', 0)];
    const counts = perCell(planWave({ size: 20, candidates, cells, seed }), candidates);
    expect(counts).toEqual({ 'country=FR': 15 }); // FR room 3 × 5 = 15; DE full
  });

  it.each(SEEDS)('%s: a full cell in another dimension blocks the candidate', (seed) => {
    const candidates = [...people('frf', 20, 'country=FR', 'gender=female'), ...people('frm', 20, 'country=FR', 'gender=male')];
    const cells = [wcell('country=FR', 20), wcell('gender=female', 0), wcell('gender=male', 20)];
    const chosen = planWave({ size: 10, candidates, cells, seed });
    expect(chosen).toHaveLength(10);
    expect(chosen.every((id) => id.startsWith('frm-'))).toBe(true);
  });

  it.each<[string, number, WaveCell[], Record<string, number>]>([
    // FR room = 3 × 2 − 4 = 2.
    ['open invitations eat the room', 10, [wcell('country=FR', 2, 4), wcell('country=DE', 10)], { 'country=FR': 2, 'country=DE': 8 }],
    // DE share 5 capped at room 3 × 10 − 28 = 2; the top-up gives FR the rest.
    [
      'the top-up goes elsewhere when a share is capped',
      20,
      [wcell('country=FR', 30), wcell('country=DE', 10, 28)],
      { 'country=FR': 18, 'country=DE': 2 },
    ],
    // No room anywhere: nobody.
    ['no room at all', 10, [wcell('country=FR', 2, 6), wcell('country=DE', 1, 3)], {}],
    // 3 × remaining is the most a wave can put in a cell.
    ['room caps a large wave', 100, [wcell('country=FR', 4), wcell('country=DE', 2)], { 'country=FR': 12, 'country=DE': 6 }],
  ])('%s', (_name, size, cells, expected) => {
    const candidates = [...people('fr', 40, 'country=FR'), ...people('de', 40, 'country=DE')];
    for (const [seed] of SEEDS) expect(perCell(planWave({ size, candidates, cells, seed }), candidates)).toEqual(expected);
  });

  it.each(SEEDS)('%s: a multi-cell candidate counts against every cell (male room 1)', (seed) => {
    const candidates = [...people('frf', 20, 'country=FR', 'gender=female'), ...people('frm', 20, 'country=FR', 'gender=male')];
    const cells = [wcell('country=FR', 20), wcell('gender=female', 20), wcell('gender=male', 1, 2)];
    const counts = perCell(planWave({ size: 30, candidates, cells, seed }), candidates);
    expect(counts).toEqual({ 'country=FR': 21, 'gender=female': 20, 'gender=male': 1 });
  });
});

describe('planWave: scarce candidates and loose ends', () => {
  it.each(SEEDS)('%s: fewer candidates than the wave → every one who fits', (seed) => {
    const candidates = [...people('fr', 3, 'country=FR'), ...people('de', 2, 'country=DE'), ...people('it', 4, 'country=IT')];
    const cells = [wcell('country=FR', 30), wcell('country=DE', 10), wcell('country=IT', 0)];
    const chosen = planWave({ size: 20, candidates, cells, seed });
    expect(perCell(chosen, candidates)).toEqual({ 'country=FR': 3, 'country=DE': 2 });
  });

  it.each(SEEDS)('%s: a cell short of candidates → others fill the wave', (seed) => {
    const candidates = [...people('fr', 8, 'country=FR'), ...people('de', 40, 'country=DE')];
    const cells = [wcell('country=FR', 30), wcell('country=DE', 10)];
    expect(perCell(planWave({ size: 20, candidates, cells, seed }), candidates)).toEqual({ 'country=FR': 8, 'country=DE': 12 });
  });

  it.each<[number, Record<string, number>]>([
    [5, { 'country=FR': 5 }], // quota cells first
    [15, { 'country=FR': 10, '(none)': 5 }], // then candidates in no cell
  ])('wave %d: candidates in no quota cell only top up', (size, expected) => {
    const candidates = [...people('fr', 10, 'country=FR'), ...people('be', 10)];
    const cells = [wcell('country=FR', 10)];
    for (const [seed] of SEEDS) expect(perCell(planWave({ size, candidates, cells, seed }), candidates)).toEqual(expected);
  });

  it('cell keys that are not quota cells are ignored', () => {
    const candidates = people('fr', 10, 'country=FR', 'gender=unknown-cell');
    expect(planWave({ size: 4, candidates, cells: [wcell('country=FR', 10)], seed: 's' })).toHaveLength(4);
  });

  it('a cell listed twice by a candidate counts once', () => {
    const candidates = people('fr', 10, 'country=FR', 'country=FR');
    expect(planWave({ size: 10, candidates, cells: [wcell('country=FR', 1)], seed: 's' })).toHaveLength(3);
  });
});

describe('planWave: bad input is a programming error', () => {
  it.each<[string, Parameters<typeof planWave>[0], string]>([
    ['negative size', { size: -1, candidates: [], cells: [], seed: 's' }, 'wave size'],
    ['fractional size', { size: 2.5, candidates: [], cells: [], seed: 's' }, 'wave size'],
    [
      'duplicate candidate',
      { size: 1, candidates: [...people('a', 1), ...people('a', 1)], cells: [], seed: 's' },
      'duplicate candidate id "a-001"',
    ],
    [
      'duplicate cell',
      { size: 1, candidates: [], cells: [wcell('country=FR', 1), wcell('country=FR', 2)], seed: 's' },
      'duplicate cell key',
    ],
  ])('%s', (_name, input, message) => {
    expect(() => planWave(input)).toThrow(message);
  });
});
