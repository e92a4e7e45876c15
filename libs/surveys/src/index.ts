export * from './definitions';
export * from './surveys.module';
export * from './surveys/surveys.service';
export * from './surveys/survey.errors';
export * from './surveys/dto/survey.dto';
