import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, type PlatformTestContext } from '@leadpanel/platform/testing';
import { SurveyResponsesModule } from '../responses.module';
import { AssignmentRepository } from './assignment.repository';

describe('AssignmentRepository (integration)', () => {
  let t: PlatformTestContext;
  let assignments: AssignmentRepository;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, imports: [SurveyResponsesModule] });
    assignments = t.get(AssignmentRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  async function survey(): Promise<string> {
    const [{ id }] = (await t.dataSource.query(
      `INSERT INTO surveys (kind, title, status) VALUES ('custom', 'Survey', 'published') RETURNING id`,
    )) as Array<{ id: string }>;
    return id;
  }

  const assign = (surveyId: string, studyId: string, panellistIds: string[]) =>
    t.dataSource.transaction((em) =>
      assignments.insertNew(
        em,
        panellistIds.map((panellistId) => ({
          surveyId,
          studyId,
          panellistId,
          dueAt: new Date(Date.now() + 86_400_000),
          status: 'assigned',
        })),
      ),
    );

  it('assigns a survey once per panellist: a second assignment of the same is skipped', async () => {
    const surveyId = await survey();
    const studyId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    expect((await assign(surveyId, studyId, [a])).map((r) => r.panellist_id)).toEqual([a]);
    expect((await assign(surveyId, studyId, [a, b])).map((r) => r.panellist_id)).toEqual([b]);
    expect(await assignments.usageCounts([surveyId])).toEqual(new Map([[surveyId, { assigned: 2, submitted: 0 }]]));
  });

  it('replaces answers, marks a submission, and erasure blanks only the free text', async () => {
    const surveyId = await survey();
    const panellistId = randomUUID();
    const [row] = await assign(surveyId, randomUUID(), [panellistId]);
    const a = (await assignments.findOneWithSurvey(row.id))!;
    expect(a.survey).toMatchObject({ id: surveyId, title: 'Survey' });
    const answer = (questionId: string, v: { numericValue?: number; textValue?: string }) => ({
      questionId,
      itemIndex: 0,
      numericValue: v.numericValue ?? null,
      optionValue: null,
      textValue: v.textValue ?? null,
    });
    await t.dataSource.transaction((em) => assignments.replaceAnswers(em, a, [answer('q1', { numericValue: 3 })], false));
    await t.dataSource.transaction(async (em) => {
      await assignments.replaceAnswers(em, a, [answer('q1', { numericValue: 4 }), answer('q2', { textValue: 'my words' })], true);
      await assignments.markSubmitted(em, a.id, new Date(), 10);
    });
    const saved = await assignments.answersOf(a.id);
    expect(saved.map((r) => [r.questionId, r.numericValue, r.textValue, r.submitted]).sort()).toEqual([
      ['q1', 4, null, true],
      ['q2', null, 'my words', true],
    ]);
    expect((await assignments.submittedPage(surveyId, { limit: 10 })).map((x) => x.id)).toEqual([a.id]);
    expect(await assignments.usageCounts([surveyId])).toEqual(new Map([[surveyId, { assigned: 1, submitted: 1 }]]));
    await t.dataSource.transaction((em) => assignments.eraseTexts(em, panellistId));
    expect((await assignments.answersOf(a.id)).map((r) => [r.questionId, r.numericValue, r.textValue]).sort()).toEqual([
      ['q1', 4, null],
      ['q2', null, ''],
    ]);
  });
});
