export * from './discussions.module';
export * from './discussions.errors';
export { RoundsService, type RoundView } from './rounds/rounds.service';
export { PostsService, DISCUSSION_POST_REASON, type PostView, type PostAuthorView } from './posts/posts.service';
export { CodesService, type CodeView } from './codes/codes.service';
export { RoundNotifications } from './rounds/round-notifications';
export { ROUND_OPENED_JOB, POST_FIRST_REMINDER_JOB, type DiscussionsJobs } from './rounds/round-jobs';
export {
  ROUND_MODES,
  POST_KINDS,
  IDEA_STATUSES,
  DISCUSSION_LIMITS,
  EDIT_WINDOW_MS,
  type RoundMode,
  type PostKind,
  type IdeaStatus,
  type RoundState,
} from './domain/discussion-rules';
