import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { DiscussionAccess } from './access/discussion-access';
import { DiscussionCodeEntity } from './codes/code.entity';
import { CodeRepository } from './codes/code.repository';
import { CodesController } from './codes/codes.controller';
import { CodesService } from './codes/codes.service';
import { DiscussionPostCodeEntity } from './codes/post-code.entity';
import { DiscussionLikeEntity } from './posts/post-like.entity';
import { DiscussionPostEntity } from './posts/post.entity';
import { PostRepository } from './posts/post.repository';
import { PostsController } from './posts/posts.controller';
import { PostsService } from './posts/posts.service';
import { RoundNotifications } from './rounds/round-notifications';
import { DiscussionRoundEntity } from './rounds/round.entity';
import { RoundRepository } from './rounds/round.repository';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsService } from './rounds/rounds.service';

/** Discussions: rounds, posts and replies, likes, moderation, the code book, and the round e-mails. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      DiscussionRoundEntity,
      DiscussionPostEntity,
      DiscussionLikeEntity,
      DiscussionCodeEntity,
      DiscussionPostCodeEntity,
    ]),
    IdentityModule,
    PanelModule,
    StudiesModule,
  ],
  providers: [
    RoundRepository,
    PostRepository,
    CodeRepository,
    DiscussionAccess,
    RoundsService,
    PostsService,
    CodesService,
    RoundNotifications,
  ],
  exports: [RoundsService, PostsService, CodesService, RoundNotifications],
})
export class DiscussionsModule implements OnModuleInit {
  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
  }
}

@Module({ imports: [DiscussionsModule], controllers: [RoundsController, PostsController, CodesController] })
export class DiscussionsHttpModule {}
