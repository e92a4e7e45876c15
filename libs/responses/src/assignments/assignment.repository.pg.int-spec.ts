import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, isRowLocked, type PlatformTestContext } from '@leadpanel/platform/testing';
import { SurveyResponsesModule } from '../responses.module';
import { AssignmentRepository } from './assignment.repository';

describe('AssignmentRepository.lockById (integration, PostgreSQL)', () => {
  let t: PlatformTestContext;
  let assignments: AssignmentRepository;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, imports: [SurveyResponsesModule] });
    assignments = t.get(AssignmentRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('locks the assignment row until the transaction ends, and answers null for an unknown id', async () => {
    const url = t.config.database.url!;
    const [{ id: surveyId }] = (await t.dataSource.query(
      `INSERT INTO surveys (kind, title, status) VALUES ('custom', 'Survey', 'published') RETURNING id`,
    )) as Array<{ id: string }>;
    const panellistId = randomUUID();
    const [row] = await t.dataSource.transaction((em) =>
      assignments.insertNew(em, [
        { surveyId, studyId: randomUUID(), panellistId, dueAt: new Date(Date.now() + 86_400_000), status: 'assigned' },
      ]),
    );
    expect(row.panellist_id).toBe(panellistId);
    await t.dataSource.transaction(async (em) => {
      expect(await assignments.lockById(em, row.id)).toMatchObject({ id: row.id, surveyId, panellistId, status: 'assigned' });
      expect(await isRowLocked(url, 'survey_assignments', row.id)).toBe(true);
    });
    expect(await isRowLocked(url, 'survey_assignments', row.id)).toBe(false);
    expect(await t.dataSource.transaction((em) => assignments.lockById(em, randomUUID()))).toBeNull();
  });
});
