import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, type PlatformTestContext } from '@leadpanel/platform/testing';
import { StudiesModule } from '../studies.module';
import { StudyRepository } from '../studies/study.repository';
import { InvitationRepository } from './invitation.repository';

describe('InvitationRepository (integration)', () => {
  let t: PlatformTestContext;
  let invitations: InvitationRepository;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, imports: [StudiesModule] });
    invitations = t.get(InvitationRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  const DAY = 86_400_000;

  /** A recruiting study and one wave of it, expiring at `expiresAt`. */
  async function wave(expiresAt: Date) {
    const study = await t.get(StudyRepository).insert({
      brandId: randomUUID(),
      title: 'Study',
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
    const w = await t.dataSource.transaction((em) =>
      invitations.insertWave(em, { studyId: study.id, requested: 3, invited: 0, seed: 's', expiresAt, createdBy: null }),
    );
    return { studyId: study.id, waveId: w.id, expiresAt };
  }

  const invite = (w: { studyId: string; waveId: string; expiresAt: Date }, panellistIds: string[], cells: string[] = []) =>
    t.dataSource.transaction((em) =>
      invitations.insertInvitations(
        em,
        panellistIds.map((panellistId) => ({ ...w, panellistId, cells })),
      ),
    );

  it('inserts a wave in one statement, skipping a panellist the study already invited', async () => {
    const w = await wave(new Date(Date.now() + 7 * DAY));
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    expect((await invite(w, [a, b], ['country=FR'])).map((r) => r.panellist_id).sort()).toEqual([a, b].sort());
    const second = await invite(w, [b, c]);
    expect(second.map((r) => r.panellist_id)).toEqual([c]);
    const page = await invitations.listPage(w.studyId, undefined, { limit: 10 });
    expect(page.map((i) => i.panellistId).sort()).toEqual([a, b, c].sort());
    expect(page.find((i) => i.panellistId === a)).toMatchObject({ status: 'invited', cells: ['country=FR'], waveId: w.waveId });
  });

  it('expireWave expires the unanswered invitations of that wave past their expiry, nothing else', async () => {
    const past = await wave(new Date(Date.now() - DAY));
    const [open, answered] = await invite(past, [randomUUID(), randomUUID()]);
    await t.dataSource.transaction((em) => invitations.respond(em, answered.id, 'declined', new Date()));
    const future = await wave(new Date(Date.now() + DAY));
    const [notYet] = await invite(future, [randomUUID()]);
    await invitations.expireWave(past.waveId);
    await invitations.expireWave(future.waveId);
    const status = async (id: string) => (await t.dataSource.transaction((em) => invitations.findById(em, id)))!.status;
    expect(await status(open.id)).toBe('expired');
    expect(await status(answered.id)).toBe('declined');
    expect(await status(notYet.id)).toBe('invited');
  });

  it('a reminder goes to the unanswered invitations not yet reminded that many times', async () => {
    const w = await wave(new Date(Date.now() + 7 * DAY));
    const [first, second, third] = await invite(w, [randomUUID(), randomUUID(), randomUUID()]);
    await t.dataSource.transaction((em) => invitations.respond(em, third.id, 'accepted', new Date()));
    expect((await invitations.openToRemind(w.waveId, 1)).map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
    await t.dataSource.transaction((em) => invitations.markReminded(em, [first.id], 1));
    expect((await invitations.openToRemind(w.waveId, 1)).map((i) => i.id)).toEqual([second.id]);
    expect((await invitations.openToRemind(w.waveId, 2)).map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
  });
});
