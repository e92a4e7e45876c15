import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, JobRegistry, MailService, OutboxService, type AppConfig, type PanellistStatus } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { PanellistsService } from '@leadpanel/panel';
import { StudyDirectory, type StudySummary } from '@leadpanel/studies';
import { mailTime, roundState } from '../domain/discussion-rules';
import { PostRepository } from '../posts/post.repository';
import { discussionsJobs, POST_FIRST_REMINDER_JOB, ROUND_OPENED_JOB } from './round-jobs';
import type { DiscussionRoundEntity } from './round.entity';
import { RoundRepository } from './round.repository';

/** Participants who asked not to be contacted, or may not be: no discussion e-mail for them. */
const UNREACHABLE: ReadonlySet<PanellistStatus> = new Set<PanellistStatus>(['opted_out', 'blocked', 'erased']);

type RoundTemplate = 'round-opened' | 'post-first-reminder';

/**
 * The e-mails of a round, sent by its delayed jobs: "round opened", and in a post-first
 * round a reminder to those with no top-level post. Each mail has a dedupe key per round
 * and panellist, so a retried or repeated job sends nothing twice. A participant enrolled
 * after the round opened is not told.
 */
@Injectable()
export class RoundNotifications implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundRepository,
    private readonly posts: PostRepository,
    private readonly directory: StudyDirectory,
    private readonly panellists: PanellistsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    discussionsJobs.register(this.registry, ROUND_OPENED_JOB, async ({ roundId }) => {
      await this.roundOpened(roundId);
    });
    discussionsJobs.register(this.registry, POST_FIRST_REMINDER_JOB, async ({ roundId }) => {
      await this.remindNonPosters(roundId);
    });
  }

  /** Tells every enrolled participant that the round is open; answers how many e-mails were enqueued. */
  async roundOpened(roundId: string): Promise<number> {
    const ready = await this.roundAndStudy(roundId);
    if (!ready) return 0;
    return this.send(ready.round, ready.study, await this.directory.enrolledIds(ready.study.id), 'round-opened');
  }

  /** Reminds the enrolled participants with no top-level post in a post-first round that is still open. */
  async remindNonPosters(roundId: string): Promise<number> {
    const ready = await this.roundAndStudy(roundId);
    if (!ready || ready.round.mode !== 'post_first') return 0;
    const posted = await this.posts.topLevelAuthors(ready.round.id);
    const pending = (await this.directory.enrolledIds(ready.study.id)).filter((id) => !posted.has(id));
    return this.send(ready.round, ready.study, pending, 'post-first-reminder');
  }

  /**
   * The round and its study, unless the round is over (a job that runs after the close sends
   * nothing). A job a little early is fine: it is due by the database's clock, which may
   * differ from this process's by a few milliseconds.
   */
  private async roundAndStudy(roundId: string): Promise<{ round: DiscussionRoundEntity; study: StudySummary } | null> {
    const round = await this.rounds.findById(roundId);
    if (!round || roundState(round, this.clock.now()) === 'closed') return null;
    const study = await this.directory.study(round.studyId);
    if (!study || study.status === 'closed') return null;
    return { round, study };
  }

  private async send(round: DiscussionRoundEntity, study: StudySummary, panellistIds: string[], template: RoundTemplate): Promise<number> {
    const facts = (await this.panellists.factsOfMany(panellistIds)).filter((f) => !UNREACHABLE.has(f.status));
    const emails = await this.users.emailsByIds(facts.map((f) => f.id));
    const common = {
      studyTitle: study.title,
      roundTitle: round.title,
      closesAt: mailTime(round.closesAt),
      roundUrl: `${this.config.http.publicBaseUrl}/me/studies/${study.id}/rounds/${round.id}`,
    };
    const sent = await this.dataSource.transaction(async (em) => {
      let n = 0;
      for (const f of facts) {
        const to = emails.get(f.id);
        if (!to) continue;
        await this.mail.enqueue(em, {
          template,
          locale: f.locale,
          to,
          userId: f.id,
          data: { displayName: f.displayName, ...common, ...(template === 'round-opened' ? { prompt: round.prompt } : {}) },
          dedupeKey: `${template}:${round.id}:${f.id}`,
        });
        n++;
      }
      return n;
    });
    this.outbox.nudge();
    return sent;
  }
}
