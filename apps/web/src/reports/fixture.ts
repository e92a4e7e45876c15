import type { ReportContentDto } from '../api/generated';

/**
 * A realistic report JSON (the shape of docs/http-contract.md's "Report JSON", unrounded numbers as the API
 * sends them) covering every section: for the report page's tests and the studio's later.
 */
export function reportContentFixture(): ReportContentDto {
  return {
    studyId: '0b9f4c1e-6a1d-4f3e-9d55-2f1a7c3e8b10',
    version: 3,
    generatedAt: '2026-03-14T10:22:05.123Z',
    minCell: 5,
    study: { title: 'Kitchen robot K2', theme: 'Cooking', status: 'running' },
    funnel: { invited: 60, accepted: 30, declined: 12, expired: 8, waitlisted: 10, enrolled: 24, completed: 20 },
    quotas: [
      { dimension: 'gender', value: 'female', target: 12, enrolled: 13 },
      { dimension: 'tier', value: 'lead_user', target: 8, enrolled: 5 },
    ],
    composition: {
      country: [
        { value: 'FR', n: 15 },
        { value: 'BE', n: 3 },
        { value: 'CH', n: 6 },
      ],
      gender: [
        { value: 'female', n: 13 },
        { value: 'non_binary', n: 11 },
      ],
      ageBand: [
        { value: '25-34', n: 9 },
        { value: '35-44', n: 15 },
      ],
      tier: [
        { value: 'lead_user', n: 5 },
        { value: 'mainstream', n: 19 },
      ],
    },
    surveys: [
      {
        surveyId: 'a1c3e5f7-0000-4000-8000-000000000001',
        title: 'Usage and satisfaction',
        kind: 'usage',
        respondents: 1234,
        questions: [
          {
            id: 'q-frequency',
            type: 'single_choice',
            prompt: 'How often do you cook?',
            n: 24,
            distribution: [
              { value: 'daily', n: 10, pct: 41.66666666666667 },
              { value: 'weekly', n: 8, pct: 33.33333333333333 },
              { value: 'monthly', n: 4, pct: 16.666666666666664 },
              { value: 'never', n: 2, pct: 8.333333333333332 },
            ],
            crosstabs: [
              {
                segment: 'country',
                rows: [
                  {
                    value: 'FR',
                    n: 15,
                    suppressed: false,
                    distribution: [
                      { value: 'daily', n: 7, pct: 46.666666666666664 },
                      { value: 'weekly', n: 8, pct: 53.333333333333336 },
                    ],
                  },
                  { value: 'BE', n: 3, suppressed: true },
                ],
              },
            ],
          },
          {
            id: 'q-ease',
            type: 'likert',
            prompt: 'How easy was the set-up?',
            n: 24,
            distribution: [
              { value: '1', n: 1, pct: 4.166666666666666 },
              { value: '2', n: 2, pct: 8.333333333333332 },
              { value: '3', n: 5, pct: 20.833333333333336 },
              { value: '4', n: 9, pct: 37.5 },
              { value: '5', n: 7, pct: 29.166666666666668 },
            ],
            mean: 3.7916666666666665,
            median: 4,
            sd: 1.1025775562090016,
            ci95: [3.3260878, 4.2572455],
            top2box: { pct: 66.66666666666666, ci95: [46.708, 82.0334] },
            crosstabs: [
              {
                segment: 'tier',
                rows: [
                  { value: 'mainstream', n: 19, suppressed: false, mean: 3.8421 },
                  { value: 'lead_user', n: 4, suppressed: true },
                ],
              },
            ],
          },
          {
            id: 'q-nps',
            type: 'nps',
            prompt: 'How likely are you to recommend the robot?',
            n: 24,
            distribution: [
              { value: '8', n: 6, pct: 25 },
              { value: '9', n: 10, pct: 41.66666666666667 },
              { value: '10', n: 5, pct: 20.833333333333336 },
              { value: '4', n: 3, pct: 12.5 },
            ],
            nps: { score: 45.83333333333333, promoters: 62.5, passives: 25, detractors: 16.666666666666664, ci95: [18.1234, 73.5432] },
          },
          {
            id: 'q-sus',
            type: 'sus',
            prompt: 'System Usability Scale',
            n: 20,
            sus: { mean: 75.375, sd: 9.21, ci95: [71.06, 79.69], grade: 'B' },
          },
          {
            id: 'q-improve',
            type: 'text',
            prompt: 'What would you improve?',
            n: 17,
            terms: [
              { term: 'noise', n: 7 },
              { term: 'lid', n: 5 },
            ],
            phrases: [{ phrase: 'too loud', n: 4 }],
            quotes: [{ pseudonym: 'P-07', text: 'It is too loud in the morning.' }],
          },
        ],
      },
    ],
    discussions: {
      rounds: [{ roundId: 'r-1', title: 'First week with the robot', posts: 42, participants: 19, participationRate: 79.16666666666666 }],
      codes: [{ codeId: 'c-1', name: 'Noise', n: 9, quotes: [{ pseudonym: 'P-03', text: 'Sounds like a jet engine when kneading.' }] }],
      topIdeas: [{ postId: 'p-1', pseudonym: 'P-21', text: 'A quiet mode for the evening', likes: 14, status: 'under_review' }],
    },
    homeTesting: {
      products: [
        {
          productId: 'pr-1',
          sku: 'K2-EU-WHT',
          name: 'K2 robot',
          allocated: 24,
          shipped: 24,
          delivered: 22,
          returned: 1,
          lost: 1,
          medianDaysToDelivery: 2.5,
        },
      ],
    },
    feedback: {
      byKind: { bug: 7, idea: 4 },
      bySeverity: { critical: 1, minor: 6 },
      byStatus: { new: 5, in_progress: 6 },
      top: [{ id: 'f-1', kind: 'bug', severity: 'major', status: 'wont_fix', title: 'Lid sensor fails', meToo: 8 }],
    },
  };
}
