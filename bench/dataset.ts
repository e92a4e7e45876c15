/**
 * The bench data set: its vocabulary, its surveys, and the description the seed leaves in
 * the bench database (`bench.dataset`) for the runner to find its studies, surveys and users.
 */
import type { Question } from '@leadpanel/surveys';

export const SEED_DEFAULTS = { panellists: 1_000_000, responses: 1_000_000, seed: 1 } as const;

/** Submit workload (6): assignments ready to be submitted, per round (they are reset between rounds). */
export const SUBMIT_POOL_FULL = 3_000;
export const SUBMIT_POOL_SMOKE = 100;

export const PANELLIST_PASSWORD = 'bench-panellist-2026';
export const EMAIL_DOMAIN = 'bench.leadpanel.test';

/** Weighted vocabularies, as [value, percent] (each list sums to 100). */
export const STATUS_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['active', 86],
  ['waitlisted', 4],
  ['dormant', 4],
  ['pending_confirmation', 2],
  ['paused', 1],
  ['opted_out', 1],
  ['blocked', 1],
  ['erased', 1],
];
export const COUNTRY_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['FR', 22],
  ['DE', 18],
  ['GB', 15],
  ['NL', 8],
  ['BE', 7],
  ['ES', 10],
  ['IT', 10],
  ['US', 10],
];
export const GENDER_WEIGHTS: ReadonlyArray<[string | null, number]> = [
  ['female', 48],
  ['male', 45],
  ['non_binary', 3],
  ['other', 1],
  ['prefer_not_to_say', 2],
  [null, 1],
];
export const INTERESTS = [
  'smart_home',
  'cooking',
  'cycling',
  'gaming',
  'gardening',
  'diy',
  'photography',
  'outdoor',
  'fitness',
  'travel',
  'music',
  'parenting',
] as const;
export const HOME_TYPES = ['apartment', 'house', 'house', 'other'] as const;
export const DEVICES = ['smart_speaker', 'smart_lamp', 'robot_vacuum', 'thermostat', 'e_bike'] as const;
export const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Louis',
  'Hugo',
  'Emma',
  'Lucas',
  'Jonas',
  'Mia',
  'Noah',
  'Sophie',
  'Oliver',
  'Amelia',
  'Daan',
  'Sanne',
  'Lucía',
  'Mateo',
  'Giulia',
  'Marco',
  'Ava',
  'Ethan',
] as const;

/** The report study's usage survey: every question type, SUS included; answers are ≈ 20.35 rows per respondent. */
export const REPORT_QUESTIONS: Question[] = [
  {
    id: 'frequency',
    type: 'single_choice',
    prompt: 'How often do you use the lamp?',
    required: true,
    options: [
      { value: 'daily', label: 'Every day' },
      { value: 'weekly', label: 'A few times a week' },
      { value: 'monthly', label: 'A few times a month' },
      { value: 'rarely', label: 'Rarely' },
      { value: 'never', label: 'Never' },
    ],
  },
  {
    id: 'features',
    type: 'multi_choice',
    prompt: 'Which features do you use?',
    options: [
      { value: 'brightness', label: 'Brightness' },
      { value: 'colour', label: 'Colour temperature' },
      { value: 'schedule', label: 'Schedules' },
      { value: 'voice', label: 'Voice control' },
      { value: 'app', label: 'The app' },
      { value: 'sensor', label: 'Presence sensor' },
    ],
  },
  { id: 'ease', type: 'likert', scale: 5, prompt: 'The lamp is easy to set up.', required: true },
  { id: 'design', type: 'likert', scale: 5, prompt: 'I like how the lamp looks.', required: true },
  { id: 'reliability', type: 'likert', scale: 7, prompt: 'The lamp does what I ask, every time.', required: true },
  { id: 'value', type: 'likert', scale: 5, prompt: 'The lamp is worth its price.', required: true },
  { id: 'overall', type: 'rating', prompt: 'Overall, how would you rate the lamp?', required: true },
  { id: 'recommend', type: 'nps', prompt: 'How likely are you to recommend the lamp to a friend?', required: true },
  { id: 'hours', type: 'number', min: 0, max: 60, prompt: 'Hours of use per week', required: true },
  { id: 'sus', type: 'sus', prompt: 'About the lamp’s app', required: true },
  { id: 'improve', type: 'text', prompt: 'What would you change?', maxLength: 2000 },
];
/** Selection probability of each `features` option (in option order). */
export const FEATURE_PROBABILITIES = [0.6, 0.45, 0.35, 0.3, 0.25, 0.2] as const;
/** Share of respondents who answer the open question. */
export const TEXT_SHARE = 0.2;
export const ROWS_PER_RESPONDENT = 1 + FEATURE_PROBABILITIES.reduce((a, b) => a + b, 0) + 4 + 1 + 1 + 1 + 10 + TEXT_SHARE;
/** Share of the report study's participants who submitted the survey. */
export const SUBMITTED_SHARE = 0.92;

/** The short survey of the submit workload (6). */
export const SUBMIT_QUESTIONS: Question[] = [
  {
    id: 'setup',
    type: 'single_choice',
    prompt: 'How did the set-up go?',
    required: true,
    options: [
      { value: 'smooth', label: 'Smoothly' },
      { value: 'some_trouble', label: 'Some trouble' },
      { value: 'failed', label: 'It failed' },
    ],
  },
  {
    id: 'rooms',
    type: 'multi_choice',
    prompt: 'Where did you place it?',
    options: [
      { value: 'bedroom', label: 'Bedroom' },
      { value: 'living', label: 'Living room' },
      { value: 'office', label: 'Office' },
    ],
  },
  { id: 'ease', type: 'likert', scale: 5, prompt: 'It was easy to use.', required: true },
  { id: 'overall', type: 'rating', prompt: 'Overall rating', required: true },
  { id: 'recommend', type: 'nps', prompt: 'Would you recommend it?', required: true },
  { id: 'minutes', type: 'number', min: 0, max: 600, prompt: 'Minutes of use yesterday' },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 2000 },
];

/** The answers every submit of the workload sends (8 answer rows). */
export const SUBMIT_ANSWERS: Record<string, unknown> = {
  setup: 'smooth',
  rooms: ['bedroom', 'office'],
  ease: 4,
  overall: 8,
  recommend: 9,
  minutes: 45,
  comment: 'La lumière du soir est très douce, mais le bouton est difficile à trouver dans le noir.',
};

/** Eligibility criteria of the preview study (3) and of the wave study (4). */
export const PREVIEW_CRITERIA = {
  countries: ['FR', 'DE', 'GB', 'NL', 'BE', 'ES'],
  ageMin: 25,
  ageMax: 65,
  interestsAny: ['smart_home', 'diy', 'cooking'],
};
export const PREVIEW_QUOTAS = [
  { dimension: 'tier', value: 'lead_user', target: 200 },
  { dimension: 'tier', value: 'emerging', target: 300 },
  { dimension: 'tier', value: 'mainstream', target: 100 },
  { dimension: 'ageBand', value: '25-34', target: 150 },
  { dimension: 'attribute:home_type', value: 'apartment', target: 250 },
];
export const WAVE_CRITERIA = { countries: ['FR', 'DE', 'GB', 'NL', 'BE', 'ES', 'IT'], ageMin: 18 };
export const WAVE_QUOTAS = [
  { dimension: 'tier', value: 'lead_user', target: 3_000 },
  { dimension: 'tier', value: 'emerging', target: 5_000 },
  { dimension: 'tier', value: 'mainstream', target: 2_000 },
];
export const WAVE_SIZE_FULL = 10_000;
export const WAVE_SIZE_SMOKE = 100;

/** What the seed leaves in `bench.dataset` (one row, jsonb). */
export interface Dataset {
  version: 1;
  args: { panellists: number; responses: number; seed: number; submitPool: number };
  seededAt: string;
  seedSeconds: number;
  counts: Record<string, number>;
  brandId: string;
  researcher: { userId: string; sessionId: string };
  studies: { report: string; preview: string; wave: string; submit: string };
  surveys: { report: string; submit: string };
  /** assignment id, panellist id and session id of each submit-pool assignment, in order */
  submitPool: Array<{ assignmentId: string; panellistId: string; sessionId: string }>;
}

/** Bumped when the seed's data changes, so that an older bench database is seeded again. */
export const DATASET_VERSION = 1;
