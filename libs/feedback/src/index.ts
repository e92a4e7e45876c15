export * from './feedback.module';
export * from './feedback/feedback.errors';
export * from './feedback/feedback.service';
export { FEEDBACK_STATUSES, CLOSED_FEEDBACK_STATUSES, isFeedbackStatus, type FeedbackStatus } from './feedback/feedback-status';
export {
  FEEDBACK_KINDS,
  FEEDBACK_SEVERITIES,
  FEEDBACK_LIMITS,
  type FeedbackKind,
  type FeedbackSeverity,
  type FilingInput,
  type TriageInput,
} from './feedback/feedback-rules';
