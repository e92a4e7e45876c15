export * from './responses.module';
export { AssignmentsService } from './assignments/assignments.service';
export { SURVEY_REMINDER_JOB, type ResponsesJobs } from './jobs/responses-jobs';
export { SurveyAnswerEntity } from './assignments/survey-answer.entity';
export { AssignmentEntity } from './assignments/assignment.entity';
