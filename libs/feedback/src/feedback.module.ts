import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PanelModule } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { FeedbackItemEntity } from './feedback/feedback-item.entity';
import { FeedbackMeTooEntity } from './feedback/feedback-me-too.entity';
import { FeedbackNoteEntity } from './feedback/feedback-note.entity';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackRepository } from './feedback/feedback.repository';
import { FeedbackService } from './feedback/feedback.service';

/** Beta feedback: items, "me too" votes, triage and researcher notes. */
@Module({
  imports: [TypeOrmModule.forFeature([FeedbackItemEntity, FeedbackMeTooEntity, FeedbackNoteEntity]), StudiesModule, PanelModule],
  providers: [FeedbackRepository, FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule {}

@Module({ imports: [FeedbackModule], controllers: [FeedbackController] })
export class FeedbackHttpModule {}
