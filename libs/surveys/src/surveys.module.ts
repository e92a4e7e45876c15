import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SurveyEntity } from './surveys/survey.entity';
import { SurveyRepository } from './surveys/survey.repository';
import { SurveysController } from './surveys/surveys.controller';
import { SurveyUsage } from './surveys/survey-usage';
import { SurveysService } from './surveys/surveys.service';

/** Survey definitions; the panel's screeners use these. Assignments and answers: @leadpanel/responses. */
@Module({
  imports: [TypeOrmModule.forFeature([SurveyEntity])],
  providers: [SurveyRepository, SurveysService, SurveyUsage],
  exports: [SurveysService, SurveyUsage],
})
export class SurveysModule {}

@Module({ imports: [SurveysModule], controllers: [SurveysController] })
export class SurveysHttpModule {}
