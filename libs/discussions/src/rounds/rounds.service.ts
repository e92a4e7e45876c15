import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, Clock, invalid, OutboxService, toPage, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { DiscussionAccess, type Access } from '../access/discussion-access';
import { reminderAt, roundProblems, roundState, type RoundInput, type RoundMode, type RoundState } from '../domain/discussion-rules';
import { DiscussionError } from '../discussions.errors';
import { PostRepository } from '../posts/post.repository';
import { discussionsJobs, POST_FIRST_REMINDER_JOB, ROUND_OPENED_JOB } from './round-jobs';
import type { DiscussionRoundEntity } from './round.entity';
import { RoundRepository } from './round.repository';

export interface RoundView {
  id: string;
  studyId: string;
  title: string;
  prompt: string;
  mode: RoundMode;
  opensAt: Date;
  closesAt: Date;
  /** scheduled before opensAt, open until closesAt, closed after */
  state: RoundState;
  /** panellists only: whether they have a top-level post in it (in a post_first round, what lets them read) */
  hasPosted?: boolean;
  createdAt: Date;
}

/**
 * Discussion rounds. Creating a round schedules its e-mails (see reminderAt) in the same
 * transaction, so a round never exists without them.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundRepository,
    private readonly posts: PostRepository,
    private readonly access: DiscussionAccess,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: AuthUser, studyId: string, input: RoundInput): Promise<RoundView> {
    // reads through other services before the transaction: the embedded database has one connection
    const access = await this.access.forStudy(actor, studyId);
    if (access.role !== 'researcher') throw new DiscussionError('NOT_A_PARTICIPANT', 'Only researchers create rounds');
    const now = this.clock.now();
    const problems = roundProblems(input, now);
    if (problems.length) invalid(problems);
    if (access.study.status === 'closed') throw new DiscussionError('STUDY_CLOSED', 'The study is closed: it takes no new rounds');
    const round = await this.dataSource.transaction(async (em) => {
      const r = await this.rounds.insert(em, {
        studyId: access.study.id,
        // stored as roundProblems checked them: trimmed
        title: input.title.trim(),
        prompt: input.prompt.trim(),
        mode: input.mode,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdBy: actor.id,
      });
      const remindAt = reminderAt(r, now);
      await this.outbox.add(
        em,
        discussionsJobs.message(ROUND_OPENED_JOB, { roundId: r.id }, { availableAt: r.opensAt, dedupeKey: `${ROUND_OPENED_JOB}:${r.id}` }),
        ...(remindAt
          ? [
              discussionsJobs.message(
                POST_FIRST_REMINDER_JOB,
                { roundId: r.id },
                { availableAt: remindAt, dedupeKey: `${POST_FIRST_REMINDER_JOB}:${r.id}` },
              ),
            ]
          : []),
      );
      await this.audit.record(
        {
          action: 'discussion.round_created',
          targetType: 'discussion_round',
          targetId: r.id,
          data: { studyId: r.studyId, mode: r.mode, opensAt: r.opensAt, closesAt: r.closesAt, reminderAt: remindAt },
        },
        em,
      );
      return r;
    });
    this.outbox.nudge();
    return this.view(round, access);
  }

  /** A study's rounds in the order they open. */
  async list(actor: AuthUser, studyId: string, query: PageQueryDto): Promise<Page<RoundView>> {
    const access = await this.access.forStudy(actor, studyId);
    const page = toPage(
      await this.rounds.listPage(access.study.id, query),
      query,
      (r) => r,
      (r) => r.opensAt,
    );
    const posted =
      access.role === 'panellist'
        ? await this.posts.roundsWithTopLevelPostBy(
            page.items.map((r) => r.id),
            actor.id,
          )
        : null;
    return { items: page.items.map((r) => this.view(r, access, posted?.has(r.id))), nextCursor: page.nextCursor };
  }

  async get(actor: AuthUser, roundId: string): Promise<RoundView> {
    const round = await this.rounds.findById(roundId);
    if (!round) throw new DiscussionError('ROUND_NOT_FOUND', 'Round was not found');
    const access = await this.access.forStudy(actor, round.studyId, 'ROUND_NOT_FOUND');
    const posted = access.role === 'panellist' ? await this.posts.hasTopLevelPost(round.id, actor.id) : undefined;
    return this.view(round, access, posted);
  }

  private view(r: DiscussionRoundEntity, access: Access, hasPosted?: boolean): RoundView {
    return {
      id: r.id,
      studyId: r.studyId,
      title: r.title,
      prompt: r.prompt,
      mode: r.mode,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      state: roundState(r, this.clock.now()),
      ...(access.role === 'panellist' ? { hasPosted: hasPosted ?? false } : {}),
      createdAt: r.createdAt,
    };
  }
}
