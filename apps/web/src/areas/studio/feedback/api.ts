import {
  feedbackControllerList,
  feedbackControllerTriage,
  type FeedbackControllerListData,
  type FeedbackPageDto,
  type FeedbackResponseDto,
  type TriageFeedbackDto,
} from '../../../api/generated';
import type { FeedbackFilters } from '../../../routes/studio/studies/$studyId/-feedback-filters';
import { studioKeys } from '../api';

export {
  FEEDBACK_KINDS,
  FEEDBACK_SEVERITIES,
  FEEDBACK_STATUSES,
  feedbackFiltersOf,
  type FeedbackFilters,
} from '../../../routes/studio/studies/$studyId/-feedback-filters';

export type FeedbackItem = FeedbackResponseDto;
export type FeedbackStatus = FeedbackItem['status'];
export type FeedbackQuery = NonNullable<FeedbackControllerListData['query']>;

export const PAGE_SIZE = 25;

/** The feedback board's calls (the SDK in the app, a fake in the tests). */
export interface FeedbackApi {
  list(studyId: string, query: FeedbackQuery): Promise<FeedbackPageDto>;
  triage(id: string, body: TriageFeedbackDto): Promise<FeedbackItem>;
}

export const sdkFeedbackApi: FeedbackApi = {
  list: async (id, query) => (await feedbackControllerList({ path: { id }, query, throwOnError: true })).data,
  triage: async (id, body) => (await feedbackControllerTriage({ path: { id }, body, throwOnError: true })).data as FeedbackItem,
};

export const feedbackKeys = {
  all: (studyId: string) => [...studioKeys.study(studyId), 'feedback'] as const,
  list: (studyId: string, filters: FeedbackFilters) => [...studioKeys.study(studyId), 'feedback', 'list', filters] as const,
  /** the items a duplicate may point at: the study's latest 100 */
  candidates: (studyId: string) => [...studioKeys.study(studyId), 'feedback', 'candidates'] as const,
};

/** The GET /studies/:id/feedback query for the filters and a page's cursor: only the filters that are set. */
export function feedbackQueryOf(filters: FeedbackFilters, cursor?: string): FeedbackQuery {
  const query: FeedbackQuery = { limit: PAGE_SIZE };
  if (filters.kind) query.kind = filters.kind;
  if (filters.status) query.status = filters.status;
  if (filters.severity) query.severity = filters.severity;
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * The statuses an item may move to (libs/feedback, feedback-status.ts): forward along
 * new → triaged → in_progress, closing early as wont_fix or duplicate, resolved from triaged on;
 * a closed item reopens to triaged. The API refuses anything else with a 409.
 */
const MOVES: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  new: ['triaged', 'wont_fix', 'duplicate'],
  triaged: ['in_progress', 'resolved', 'wont_fix', 'duplicate'],
  in_progress: ['resolved', 'wont_fix', 'duplicate'],
  resolved: ['triaged'],
  wont_fix: ['triaged'],
  duplicate: ['triaged'],
};

export function nextStatuses(from: FeedbackStatus): readonly FeedbackStatus[] {
  return MOVES[from];
}
