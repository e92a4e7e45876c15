import { type Survey } from '../surveys/survey-helpers';
import { buildReport, type ReportContent, type SegmentedCohort, type TestApp } from './insights-helpers';
import { aggregationWorld, GENERATED_AT } from './aggregation-world';

describe('Insights: the report aggregator computes a study report in SQL', () => {
  let t: TestApp;
  let c: SegmentedCohort;
  let s1: Survey;
  let content: ReportContent; // minCell 3

  beforeAll(async () => {
    ({ t, c, s1, content } = await aggregationWorld());
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  const survey = (id: string) => content.surveys.find((s) => s.surveyId === id)!;
  const question = (surveyId: string, id: string) => survey(surveyId).questions.find((q) => q.id === id)!;

  describe('cross-tabs by country, gender, age band and tier', () => {
    const tab = (surveyId: string, qid: string, segment: string) =>
      question(surveyId, qid).crosstabs!.find((x) => x.segment === segment)!.rows;

    it('gives each segment value of a numeric question its mean, and suppresses rows under minCell', () => {
      expect(question(s1.id, 'recommend').crosstabs!.map((x) => x.segment)).toEqual(['country', 'gender', 'ageBand', 'tier']);
      expect(tab(s1.id, 'recommend', 'country')).toEqual([{ value: 'IS', n: 7, suppressed: false, mean: expect.closeTo(50 / 7, 12) }]);
      expect(tab(s1.id, 'recommend', 'gender')).toEqual([
        { value: 'female', n: 5, suppressed: false, mean: expect.closeTo(8.8, 12) },
        { value: 'male', n: 1, suppressed: true },
        { value: 'unknown', n: 1, suppressed: true },
      ]);
      expect(tab(s1.id, 'recommend', 'ageBand')).toEqual([
        { value: '25-34', n: 2, suppressed: true },
        { value: '35-44', n: 5, suppressed: false, mean: expect.closeTo(6.8, 12) },
      ]);
      expect(tab(s1.id, 'recommend', 'tier')).toEqual([
        { value: 'lead_user', n: 4, suppressed: false, mean: 8.5 },
        { value: 'emerging', n: 2, suppressed: true },
        { value: 'mainstream', n: 1, suppressed: true },
      ]);
    });

    it('gives choice questions a distribution per row (multi_choice: n and pct of the row’s respondents)', () => {
      expect(tab(s1.id, 'used', 'gender')).toEqual([
        {
          value: 'female',
          n: 5,
          suppressed: false,
          distribution: [
            { value: 'yes', n: 5, pct: 100 },
            { value: 'no', n: 0, pct: 0 },
          ],
        },
        { value: 'male', n: 1, suppressed: true },
        { value: 'unknown', n: 1, suppressed: true },
      ]);
      expect(tab(s1.id, 'features', 'gender')).toEqual([
        {
          value: 'female',
          n: 4,
          suppressed: false,
          distribution: [
            { value: 'timer', n: 3, pct: 75 },
            { value: 'keep_warm', n: 1, pct: 25 },
            { value: 'app', n: 2, pct: 50 },
          ],
        },
      ]);
    });

    it('cross-tabs SUS scores per respondent', () => {
      expect(tab(s1.id, 'sus', 'country')).toEqual([{ value: 'IS', n: 3, suppressed: false, mean: 75 }]);
      expect(tab(s1.id, 'sus', 'tier')).toEqual([
        { value: 'lead_user', n: 2, suppressed: true },
        { value: 'emerging', n: 1, suppressed: true },
      ]);
    });

    it('suppresses by the minCell it is given (5: the 4 lead users go)', async () => {
      const strict = await buildReport(t, c.studyId, { minCell: 5, generatedAt: GENERATED_AT });
      const rows = strict.surveys[0].questions[0].crosstabs!.find((x) => x.segment === 'tier')!.rows;
      expect(rows).toEqual([
        { value: 'lead_user', n: 4, suppressed: true },
        { value: 'emerging', n: 2, suppressed: true },
        { value: 'mainstream', n: 1, suppressed: true },
      ]);
      const gender = strict.surveys[0].questions[0].crosstabs!.find((x) => x.segment === 'gender')!.rows;
      expect(gender[0]).toEqual({ value: 'female', n: 5, suppressed: false, mean: expect.closeTo(8.8, 12) });
    });
  });
});
