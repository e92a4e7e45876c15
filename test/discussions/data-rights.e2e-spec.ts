import {
  createCode,
  createDiscussionsTestApp,
  createRound,
  dataSource,
  expectProblem,
  getPost,
  like,
  listCodes,
  mustPost,
  setCodes,
  SETUP_TIMEOUT,
  writePost,
  type Code,
  type Round,
  type TestApp,
} from './discussions-helpers';
import { type Cohort, cohort, studyWorld, type StudyWorld } from '../support/world';
import { erase, exportOf } from '../support/data-rights';

interface ExportedDiscussions {
  posts: Array<{
    id: string;
    studyId: string;
    roundId: string;
    parentId: string | null;
    kind: string;
    body: string;
    createdAt: string;
    editedAt: string | null;
  }>;
  likes: Array<{ postId: string; at: string }>;
}

describe('Discussions and data rights: export and erasure', () => {
  let t: TestApp;
  let w: StudyWorld;
  let cz: Cohort; // 3 participants
  let round: Round;

  beforeAll(async () => {
    t = await createDiscussionsTestApp();
    w = await studyWorld(t);
    cz = await cohort(t, w, { country: 'CZ', participants: 3 });
    round = await createRound(t, w.researcher, cz.study.id, { title: 'Beer' });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  it('exports the panellist’s posts and likes, and nobody else’s', async () => {
    const [a, b] = cz.participants;
    const top = await mustPost(t, a, round.id, { body: 'Pilsner, cold, call me on +420 123 456 789', kind: 'idea' });
    const reply = await mustPost(t, a, round.id, { body: 'And dark lager', parentId: top.id });
    const theirs = await mustPost(t, b, round.id, { body: 'Svíčková with dumplings' });
    expect((await like(t, a.token, theirs.id)).status).toBe(200);

    const exported = (await exportOf(t, a.token)).discussions as ExportedDiscussions;
    expect(exported.posts).toEqual([
      {
        id: top.id,
        studyId: cz.study.id,
        roundId: round.id,
        parentId: null,
        kind: 'idea',
        body: 'Pilsner, cold, call me on +420 123 456 789',
        createdAt: top.createdAt,
        editedAt: null,
      },
      expect.objectContaining({ id: reply.id, parentId: top.id, kind: 'comment', body: 'And dark lager' }),
    ]);
    expect(exported.likes).toEqual([{ postId: theirs.id, at: expect.any(String) }]);
    const ofB = (await exportOf(t, b.token)).discussions as ExportedDiscussions;
    expect(ofB.posts.map((p) => p.id)).toEqual([theirs.id]);
    expect(ofB.likes).toEqual([]);
  });

  it('erasure blanks the panellist’s post bodies and takes back their likes; threads, codes, others’ posts and likes stay', async () => {
    const [, b, c] = cz.participants;
    const code: Code = await createCode(t, w.researcher, cz.study.id, 'Tradition');
    const mine = await mustPost(t, c, round.id, { body: 'My grandfather brewed at home in Plzeň' });
    const myReply = await mustPost(t, c, round.id, { body: 'Email me: c@example.test', parentId: mine.id });
    const theirs = await mustPost(t, b, round.id, { body: 'Kofola for the kids' });
    expect((await like(t, b.token, mine.id)).body).toEqual({ likes: 1 });
    expect((await like(t, c.token, theirs.id)).body).toEqual({ likes: 1 });
    expect((await like(t, w.researcher.token, theirs.id)).body).toEqual({ likes: 2 });
    expect((await setCodes(t, w.researcher.token, mine.id, [code.id])).status).toBe(200);

    expect((await erase(t, c.token)).status).toBe(204);

    const erased = (await getPost(t, w.researcher.token, mine.id)).body;
    expect(erased).toMatchObject({ body: '[erased]', likes: 1, replyCount: 1, codes: [{ id: code.id, name: 'Tradition' }] });
    expect((await getPost(t, w.researcher.token, myReply.id)).body).toMatchObject({ body: '[erased]', parentId: mine.id });
    // their like is gone, the others' stay
    expect((await getPost(t, b.token, theirs.id)).body).toMatchObject({ body: 'Kofola for the kids', likes: 1 });
    const codes = (await listCodes(t, w.researcher.token, cz.study.id)).body.items as Code[];
    expect(codes.find((x) => x.id === code.id)?.count).toBe(1);

    const rows = (await dataSource(t).query(`SELECT body FROM discussion_posts WHERE author_user_id = $1`, [c.id])) as Array<{
      body: string;
    }>;
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/grandfather|Plzeň|example\.test/);
    expect(await dataSource(t).query(`SELECT 1 FROM discussion_likes WHERE user_id = $1`, [c.id])).toEqual([]);
    // the erased panellist's tokens are revoked
    expectProblem(await writePost(t, c.token, round.id, { body: 'back again' }), 401);
  });
});
