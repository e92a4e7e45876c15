export * from './responses.module';
export { AssignmentsService, SURVEY_REMINDER_JOB } from './assignments/assignments.service';
export { SurveyAnswerEntity } from './assignments/survey-answer.entity';
export { AssignmentEntity } from './assignments/assignment.entity';
