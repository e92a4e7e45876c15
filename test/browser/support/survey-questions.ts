/** The screener of the journey's campaign: lead-user items (all required), one choice, one optional number. */
export const SCREENER_QUESTIONS = [
  {
    id: 'trend',
    type: 'likert',
    scale: 7,
    prompt: 'I usually try new products before others do',
    required: true,
    dimension: 'ahead_of_trend',
  },
  {
    id: 'benefit',
    type: 'likert',
    scale: 7,
    prompt: 'A better solution would help me a lot',
    required: true,
    dimension: 'expected_benefit',
  },
  { id: 'own', type: 'likert', scale: 7, prompt: 'I have built my own solutions', required: true, dimension: 'own_solutions' },
  {
    id: 'usage',
    type: 'single_choice',
    prompt: 'How often do you cook?',
    required: true,
    options: [
      { value: 'daily', label: 'Every day' },
      { value: 'weekly', label: 'Every week' },
    ],
  },
  { id: 'hours', type: 'number', prompt: 'Hours a week spent on your hobby', min: 0, max: 168 },
];
export const SCREENER_ANSWERS = { trend: 7, benefit: 7, own: 7, usage: 'daily' };

/** The study survey with a showIf: `features` shows only when `used` is "yes", `why_not` only when "no". */
export const SHOW_IF_QUESTIONS = [
  {
    id: 'used',
    type: 'single_choice',
    prompt: 'Did you use the kettle this week?',
    required: true,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    id: 'features',
    type: 'multi_choice',
    prompt: 'Which features did you use?',
    required: true,
    options: [
      { value: 'timer', label: 'Timer' },
      { value: 'keep_warm', label: 'Keep warm' },
    ],
    showIf: { questionId: 'used', equals: 'yes' },
  },
  { id: 'why_not', type: 'text', prompt: 'Why not?', required: true, maxLength: 200, showIf: { questionId: 'used', equals: 'no' } },
  { id: 'ease', type: 'likert', scale: 5, prompt: 'The kettle was easy to use', required: true },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 200 },
];
