export * from './definitions';
export * from './surveys.module';
export * from './surveys/surveys.service';
export * from './surveys/survey.errors';
export * from './surveys/dto/survey.dto';
export { SurveyEntity, type SurveyStatus } from './surveys/survey.entity';
export { SurveyUsage, type SurveyUsageCounts } from './surveys/survey-usage';
