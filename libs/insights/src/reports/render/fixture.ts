/**
 * A realistic report content for the renderers' tests. Figures are computed with the domain
 * functions, so they agree with each other as a generated report's would; some texts are
 * hostile (`HOSTILE`) and some figures absent, on purpose.
 */
import { distribution, nps, npsCounts, summarizeHistogram, summarizeSus, top2box, type Bin } from '../../domain';
import type { DistributionEntry, QuestionReport, ReportContent } from '../report-content';

export const HOSTILE = `<script>alert(1)</script> "quotes" & 'apostrophes'`;
export const FORMULA_PROMPT = '=HYPERLINK("x","Click") How would you rate the lid?';
export const MULTILINE_PROMPT = 'Overall, how "easy" was the set-up,\nfrom unboxing to the first recipe?';
export const MIN_CELL = 5;

const entries = (bins: ReadonlyArray<Bin<string>>, respondents: number): DistributionEntry[] =>
  distribution(bins, respondents).map((d) => ({ ...d }));

const numericBins = (counts: ReadonlyArray<[number, number]>): Bin[] => counts.map(([value, n]) => ({ value, n }));
const asText = (bins: readonly Bin[]): Bin<string>[] => bins.map((b) => ({ value: String(b.value), n: b.n }));
const total = (bins: readonly Bin<unknown>[]): number => bins.reduce((sum, b) => sum + b.n, 0);

function numericQuestion(id: string, type: string, prompt: string, bins: Bin[]): QuestionReport {
  const n = total(bins);
  return { ...summarizeHistogram(bins), id, type, prompt, n, distribution: entries(asText(bins), n) };
}

function frequency(): QuestionReport {
  const bins: Bin<string>[] = [
    { value: 'daily', n: 10 },
    { value: 'weekly', n: 8 },
    { value: 'monthly', n: 4 },
    { value: 'never', n: 2 },
  ];
  return {
    id: 'q-frequency',
    type: 'single_choice',
    prompt: `How often do you cook? ${HOSTILE}`,
    n: 24,
    distribution: entries(bins, 24),
    crosstabs: [
      {
        segment: 'country',
        rows: [
          {
            value: 'FR',
            n: 15,
            suppressed: false,
            distribution: entries(
              [
                { value: 'daily', n: 7 },
                { value: 'weekly', n: 5 },
                { value: 'monthly', n: 2 },
                { value: 'never', n: 1 },
              ],
              15,
            ),
          },
          { value: 'BE', n: 3, suppressed: true },
          {
            value: 'CH',
            n: 6,
            suppressed: false,
            distribution: entries(
              [
                { value: 'daily', n: 2 },
                { value: 'weekly', n: 2 },
                { value: 'monthly', n: 1 },
                { value: 'never', n: 1 },
              ],
              6,
            ),
          },
        ],
      },
    ],
  };
}

function features(): QuestionReport {
  const bins: Bin<string>[] = [
    { value: 'steam', n: 18 },
    { value: 'knead', n: 12 },
    { value: 'weigh', n: 20 },
    { value: 'app', n: 5 },
  ];
  return { id: 'q-features', type: 'multi_choice', prompt: 'Which functions have you used?', n: 24, distribution: entries(bins, 24) };
}

function ease(): QuestionReport {
  const bins = numericBins([
    [1, 1],
    [2, 2],
    [3, 5],
    [4, 9],
    [5, 7],
  ]);
  return {
    ...numericQuestion('q-ease', 'likert', MULTILINE_PROMPT, bins),
    top2box: top2box(bins, { type: 'likert', scale: 5 }),
    crosstabs: [
      {
        segment: 'ageBand',
        rows: [
          { value: '18–34', n: 9, suppressed: false, mean: 4.1 },
          { value: '35–54', n: 11, suppressed: false, mean: 3.7 },
          { value: '55+', n: 4, suppressed: true },
        ],
      },
    ],
  };
}

function lid(): QuestionReport {
  const bins = numericBins([
    [1, 2],
    [2, 3],
    [3, 6],
    [4, 8],
    [5, 5],
  ]);
  return { ...numericQuestion('q-lid', 'likert', FORMULA_PROMPT, bins), top2box: top2box(bins, { type: 'likert', scale: 5 }) };
}

function recommend(): QuestionReport {
  const bins = numericBins([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 0],
    [4, 1],
    [5, 1],
    [6, 2],
    [7, 3],
    [8, 5],
    [9, 6],
    [10, 5],
  ]);
  return { ...numericQuestion('q-nps', 'nps', 'How likely are you to recommend the robot to a friend?', bins), nps: nps(npsCounts(bins)) };
}

function sus(): QuestionReport {
  const scores = numericBins([
    [57.5, 2],
    [65, 3],
    [72.5, 5],
    [80, 6],
    [87.5, 4],
  ]);
  return { id: 'q-sus', type: 'sus', prompt: 'System Usability Scale', n: 20, sus: summarizeSus(scores) };
}

function household(): QuestionReport {
  return numericQuestion(
    'q-household',
    'number',
    'How many people live in your household?',
    numericBins([
      [1, 3],
      [2, 8],
      [3, 6],
      [4, 5],
      [5, 2],
    ]),
  );
}

function improve(): QuestionReport {
  return {
    id: 'q-improve',
    type: 'text',
    prompt: 'What would you improve?',
    n: 17,
    terms: [
      { term: 'noise', n: 7 },
      { term: 'lid', n: 5 },
      { term: 'battery life', n: 3 },
    ],
    phrases: [{ phrase: 'too loud', n: 4 }],
    quotes: [
      { pseudonym: 'P-07', text: `It is too loud ${HOSTILE}` },
      { pseudonym: 'P-12', text: 'The lid is hard to clean.\nWrite to me at [email] or call [phone].' },
    ],
  };
}

function nobody(): QuestionReport {
  return {
    id: 'q-dessert',
    type: 'likert',
    prompt: 'How satisfied are you with the dessert programme?',
    n: 0,
    distribution: entries(
      [1, 2, 3, 4, 5].map((v) => ({ value: String(v), n: 0 })),
      0,
    ),
  };
}

function once(): QuestionReport {
  const bins = numericBins([[9, 1]]);
  return {
    ...numericQuestion('q-once', 'rating', 'Rate the recipe app (0–10)', bins),
    top2box: top2box(bins, { type: 'rating' }),
  };
}

export function reportFixture(): ReportContent {
  return {
    studyId: '0b9f4c1e-6a1d-4f3e-9d55-2f1a7c3e8b10',
    version: 3,
    generatedAt: '2025-03-14T10:22:05.123Z',
    minCell: MIN_CELL,
    study: { title: `Kitchen robot K2 ${HOSTILE}`, theme: 'Cooking & kitchen appliances', status: 'running' },
    funnel: { invited: 60, accepted: 30, declined: 12, expired: 8, waitlisted: 10, enrolled: 24, completed: 20 },
    quotas: [
      { dimension: 'gender', value: 'female', target: 12, enrolled: 13 },
      { dimension: 'gender', value: 'male', target: 12, enrolled: 11 },
      { dimension: 'ageBand', value: '55+', target: 0, enrolled: 4 },
    ],
    composition: {
      country: [
        { value: 'FR', n: 15 },
        { value: 'BE', n: 3 },
        { value: 'CH', n: 6 },
      ],
      gender: [
        { value: 'female', n: 13 },
        { value: 'male', n: 11 },
      ],
      ageBand: [
        { value: '18–34', n: 9 },
        { value: '35–54', n: 11 },
        { value: '55+', n: 4 },
      ],
      tier: [
        { value: 'gold', n: 5 },
        { value: 'silver', n: 19 },
      ],
    },
    surveys: [
      {
        surveyId: 'a1c3e5f7-0000-4000-8000-000000000001',
        title: `Usage & satisfaction, week 2 ${HOSTILE}`,
        kind: 'usage',
        respondents: 24,
        questions: [frequency(), features(), ease(), lid(), recommend(), sus(), household(), improve(), nobody(), once()],
      },
      {
        surveyId: 'a1c3e5f7-0000-4000-8000-000000000002',
        title: 'Closing survey',
        kind: 'closing',
        respondents: 0,
        questions: [{ id: 'q-last', type: 'text', prompt: 'Anything else?', n: 0, terms: [], phrases: [], quotes: [] }],
      },
    ],
    discussions: {
      rounds: [
        { roundId: 'r-1', title: 'First week with the robot', posts: 42, participants: 19, participationRate: (100 * 19) / 24 },
        { roundId: 'r-2', title: `Ideas ${HOSTILE}`, posts: 0, participants: 0 },
      ],
      codes: [
        {
          codeId: 'c-1',
          name: `Noise ${HOSTILE}`,
          n: 9,
          quotes: [{ pseudonym: 'P-03', text: 'Sounds like a jet engine when kneading.' }],
        },
        { codeId: 'c-2', name: 'Cleaning', n: 6, quotes: [] },
      ],
      topIdeas: [
        { postId: 'p-1', pseudonym: 'P-21', text: `A quiet mode for the evening ${HOSTILE}`, likes: 14, status: 'visible' },
        { postId: 'p-2', pseudonym: 'P-05', text: 'A dishwasher-safe lid.', likes: 9, status: 'visible' },
      ],
    },
    homeTesting: {
      products: [
        {
          productId: 'pr-1',
          sku: 'K2-EU-WHT',
          name: `K2 robot & steamer ${HOSTILE}`,
          allocated: 24,
          shipped: 24,
          delivered: 22,
          returned: 1,
          lost: 1,
          medianDaysToDelivery: 2.5,
        },
        { productId: 'pr-2', sku: 'K2-LID-V2', name: 'Replacement lid v2', allocated: 6, shipped: 0, delivered: 0, returned: 0, lost: 0 },
      ],
    },
    feedback: {
      byKind: { bug: 7, idea: 4, praise: 2 },
      bySeverity: { critical: 1, major: 2, minor: 4 },
      byStatus: { new: 5, triaged: 4, fixed: 4 },
      top: [
        { id: 'f-1', kind: 'bug', severity: 'major', status: 'triaged', title: `Lid sensor fails ${HOSTILE}`, meToo: 8 },
        { id: 'f-2', kind: 'idea', status: 'new', title: 'Timer visible from across the room', meToo: 5 },
      ],
    },
  };
}
