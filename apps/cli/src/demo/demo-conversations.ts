import { Injectable } from '@nestjs/common';
import { Clock, type AuthUser } from '@leadpanel/platform';
import { CodesService, PostsService, RoundsService, type PostView } from '@leadpanel/discussions';
import { FeedbackService, type FeedbackView } from '@leadpanel/feedback';
import { CODES, FEEDBACK, OFF_TOPIC, POSTS, REPLIES, rng, ROUND_ONE, ROUND_TWO, WELCOME } from './demo-data';
import { actor, DAY, type Participant, type Person, type Progress } from './demo-actors';

/** What the demo's participants say: the discussion rounds and the beta feedback on the lamp. */
@Injectable()
export class DemoConversations {
  constructor(
    private readonly clock: Clock,
    private readonly rounds: RoundsService,
    private readonly posts: PostsService,
    private readonly codes: CodesService,
    private readonly feedback: FeedbackService,
  ) {}

  /** A post-first round (open now) with posts, replies, likes, moderation and codes; a second round scheduled. */
  async discuss(
    researcher: AuthUser,
    studyId: string,
    participants: Participant[],
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const round = await this.rounds.create(researcher, studyId, {
      ...ROUND_ONE,
      mode: 'post_first',
      opensAt: new Date(now - 3 * DAY),
      closesAt: new Date(now + 4 * DAY),
    });
    await this.rounds.create(researcher, studyId, {
      ...ROUND_TWO,
      mode: 'open',
      opensAt: new Date(now + 5 * DAY),
      closesAt: new Date(now + 12 * DAY),
    });
    const welcome = await this.posts.create(researcher, round.id, { body: WELCOME });
    await this.posts.moderate(researcher, welcome.id, { pinned: true });
    const codeIds = new Map<string, string>();
    for (const c of CODES)
      codeIds.set(c.key, (await this.codes.create(researcher, studyId, { name: c.name, description: c.description })).id);

    // top-level posts: each text once, written by the participants of its language
    const used = { en: 0, fr: 0 };
    const written: Array<{ post: PostView; author: Person; locale: 'en' | 'fr'; codes: string[] }> = [];
    const silent: Person[] = [];
    for (const p of participants) {
      const texts = POSTS[p.spec.locale];
      const text = texts[used[p.spec.locale]];
      if (!text) {
        silent.push(p.person);
        continue;
      }
      used[p.spec.locale]++;
      const post = await this.posts.create(actor(p.person), round.id, { body: text.text, kind: text.kind });
      written.push({ post, author: p.person, locale: p.spec.locale, codes: text.codes });
    }
    // replies, in the thread's language, by someone who has posted (the post-first gate)
    const replies = { en: 0, fr: 0 };
    let replyCount = 0;
    for (const [i, w] of written.entries()) {
      const text = REPLIES[w.locale][replies[w.locale]];
      const replier =
        written.find((o, j) => j > i && o.locale === w.locale && o.author.id !== w.author.id) ??
        written.find((o) => o.locale === w.locale && o.author.id !== w.author.id);
      if (!text || !replier) continue;
      replies[w.locale]++;
      await this.posts.create(actor(replier.author), round.id, { body: text, parentId: w.post.id });
      replyCount++;
    }
    await this.posts.create(researcher, round.id, {
      body: 'Thank you, this is exactly the kind of hack we hoped to hear about. Could you share a photo of the set-up?',
      parentId: written[2]?.post.id ?? written[0].post.id,
    });
    // likes: each poster likes two to four of the others' posts
    let likes = 0;
    for (const w of written) {
      const others = written.filter((o) => o.author.id !== w.author.id);
      for (const o of r.sample(others, r.int(2, 4))) {
        await this.posts.like(actor(w.author), o.post.id, true);
        likes++;
      }
    }
    // moderation: an off-topic advert hidden, ideas reviewed
    const advertiser = silent[0] ?? written[written.length - 1].author;
    const advert = await this.posts.create(actor(advertiser), round.id, { body: OFF_TOPIC });
    await this.posts.moderate(researcher, advert.id, { hidden: true });
    const ideas = written.filter((w) => w.post.kind === 'idea');
    const statuses = ['selected', 'under_review', 'declined', 'under_review'] as const;
    for (const [i, w] of ideas.entries()) if (statuses[i]) await this.posts.moderate(researcher, w.post.id, { ideaStatus: statuses[i] });
    // coding
    for (const w of written)
      await this.posts.setCodes(
        researcher,
        w.post.id,
        w.codes.map((k) => codeIds.get(k)!),
      );
    progress(
      `discussion: ${written.length + 1} posts (1 hidden, 1 pinned), ${replyCount + 1} replies, ${likes} likes, ` +
        `${CODES.length} codes on ${written.length} posts; a second round scheduled`,
    );
  }

  /** Beta feedback on the lamp: filed by participants, "me too" from others, triaged by the researcher. */
  async beta(
    researcher: AuthUser,
    studyId: string,
    productId: string,
    participants: Participant[],
    receivers: Participant[],
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<void> {
    const filed: FeedbackView[] = [];
    for (const [i, f] of FEEDBACK.entries()) {
      const author = receivers[i % receivers.length].person;
      filed.push(
        await this.feedback.file(actor(author), studyId, {
          kind: f.kind,
          severity: f.severity,
          area: f.area,
          title: f.title,
          body: f.body,
          productId,
        }),
      );
    }
    let meToo = 0;
    for (const [i, item] of filed.entries()) {
      const n = FEEDBACK[i].kind === 'bug' || FEEDBACK[i].kind === 'idea' ? r.int(1, 5) : r.int(0, 1);
      const others = participants.filter((p) => p.person.id !== item.authorPanellistId);
      for (const p of r.sample(others, n)) {
        await this.feedback.meToo(actor(p.person), item.id);
        meToo++;
      }
    }
    const original = filed[FEEDBACK.findIndex((f) => f.title === 'Status LED too bright at night')];
    const path: Record<string, Array<'triaged' | 'in_progress' | 'resolved' | 'wont_fix' | 'duplicate'>> = {
      triaged: ['triaged'],
      in_progress: ['triaged', 'in_progress'],
      resolved: ['triaged', 'resolved'],
      wont_fix: ['wont_fix'],
      duplicate: ['duplicate'],
    };
    for (const [i, item] of filed.entries()) {
      const triage = FEEDBACK[i].triage;
      if (!triage) continue;
      const steps = path[triage.status];
      for (const [k, status] of steps.entries()) {
        await this.feedback.triage(researcher, item.id, {
          status,
          ...(status === 'duplicate' ? { duplicateOfId: original.id } : {}),
          ...(k === steps.length - 1 && triage.note ? { note: triage.note } : {}),
        });
      }
    }
    progress(`beta feedback: ${filed.length} items, ${meToo} "me too", triaged`);
  }
}
