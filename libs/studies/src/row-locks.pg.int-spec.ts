import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, isRowLocked, type PlatformTestContext } from '@leadpanel/platform/testing';
import { InvitationRepository } from './invitations/invitation.repository';
import { StudiesModule } from './studies.module';
import { StudyRepository } from './studies/study.repository';

/** The row locks of studies' repositories: held from lockById to the end of the caller's transaction. */
describe('studies: row locks (integration, PostgreSQL)', () => {
  let t: PlatformTestContext;
  let url: string;
  let studies: StudyRepository;
  let invitations: InvitationRepository;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, imports: [StudiesModule] });
    url = t.config.database.url!;
    studies = t.get(StudyRepository);
    invitations = t.get(InvitationRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  const newStudy = () =>
    studies.insert({
      brandId: randomUUID(),
      title: 'Locked study',
      theme: 'Theme',
      brief: 'Brief',
      targetSize: 10,
      incentivePoints: 0,
      postPoints: 0,
      criteria: {},
      quotas: [],
      status: 'recruiting',
      createdBy: null,
    });

  it('StudyRepository.lockById locks the study until the transaction ends, and answers null for an unknown id', async () => {
    const study = await newStudy();
    expect(await isRowLocked(url, 'studies', study.id)).toBe(false);
    await t.dataSource.transaction(async (em) => {
      expect(await studies.lockById(em, study.id)).toMatchObject({ id: study.id, title: 'Locked study', status: 'recruiting' });
      expect(await isRowLocked(url, 'studies', study.id)).toBe(true);
    });
    expect(await isRowLocked(url, 'studies', study.id)).toBe(false);
    expect(await t.dataSource.transaction((em) => studies.lockById(em, randomUUID()))).toBeNull();
  });

  it('InvitationRepository.lockById locks the invitation until the transaction ends, and answers null for an unknown id', async () => {
    const study = await newStudy();
    const expiresAt = new Date(Date.now() + 86_400_000);
    const [row] = await t.dataSource.transaction(async (em) => {
      const wave = await invitations.insertWave(em, { studyId: study.id, requested: 1, invited: 0, seed: 's', expiresAt, createdBy: null });
      return invitations.insertInvitations(em, [{ studyId: study.id, waveId: wave.id, panellistId: randomUUID(), cells: [], expiresAt }]);
    });
    await t.dataSource.transaction(async (em) => {
      expect(await invitations.lockById(em, row.id)).toMatchObject({ id: row.id, status: 'invited', panellistId: row.panellist_id });
      expect(await isRowLocked(url, 'study_invitations', row.id)).toBe(true);
      // the study is not locked with it
      expect(await isRowLocked(url, 'studies', study.id)).toBe(false);
    });
    expect(await isRowLocked(url, 'study_invitations', row.id)).toBe(false);
    expect(await t.dataSource.transaction((em) => invitations.lockById(em, randomUUID()))).toBeNull();
  });
});
