import {
  assignmentsControllerAssign,
  assignmentsControllerResponses,
  studiesControllerParticipants,
  surveysControllerCreate,
  surveysControllerGet,
  surveysControllerList,
  surveysControllerPublish,
  surveysControllerUpdate,
} from '../../../api/generated';
import type {
  CreateAssignmentsDto,
  CreateSurveyDto,
  ParticipantPageDto,
  QuestionDoc,
  SurveyResponseDto,
  SurveyResponsePageDto,
  SurveySummaryPageDto,
  SurveysControllerListData,
  UpdateSurveyDto,
} from '../../../api/generated';
import { studioKeys } from '../api';

export type Survey = SurveyResponseDto;
export type SurveyKind = Survey['kind'];
export type QuestionType = QuestionDoc['type'];
export type SurveysQuery = NonNullable<SurveysControllerListData['query']>;

export const SURVEY_KINDS: readonly SurveyKind[] = ['general', 'usage', 'beta', 'screener'];
export const QUESTION_TYPES: readonly QuestionType[] = [
  'single_choice',
  'multi_choice',
  'likert',
  'rating',
  'nps',
  'sus',
  'number',
  'text',
];
export const DIMENSIONS = ['ahead_of_trend', 'expected_benefit', 'own_solutions', 'expertise', 'opinion_leadership'] as const;
export const PAGE_SIZE = 25;

/** The survey pages' calls (the SDK in the app, a fake in the tests). */
export interface SurveysApi {
  listSurveys(query: SurveysQuery): Promise<SurveySummaryPageDto>;
  getSurvey(id: string): Promise<Survey>;
  createSurvey(body: CreateSurveyDto): Promise<Survey>;
  updateSurvey(id: string, body: UpdateSurveyDto): Promise<Survey>;
  publishSurvey(id: string): Promise<Survey>;
  assign(id: string, body: CreateAssignmentsDto): Promise<{ assigned: number }>;
  listParticipants(studyId: string, cursor?: string): Promise<ParticipantPageDto>;
  listResponses(id: string, cursor?: string): Promise<SurveyResponsePageDto>;
}

export const sdkSurveysApi: SurveysApi = {
  listSurveys: async (query) => (await surveysControllerList({ query, throwOnError: true })).data,
  getSurvey: async (id) => (await surveysControllerGet({ path: { id }, throwOnError: true })).data,
  createSurvey: async (body) => (await surveysControllerCreate({ body, throwOnError: true })).data,
  updateSurvey: async (id, body) => (await surveysControllerUpdate({ path: { id }, body, throwOnError: true })).data,
  publishSurvey: async (id) => (await surveysControllerPublish({ path: { id }, throwOnError: true })).data,
  assign: async (id, body) => (await assignmentsControllerAssign({ path: { id }, body, throwOnError: true })).data,
  listParticipants: async (studyId, cursor) =>
    (await studiesControllerParticipants({ path: { id: studyId }, query: { limit: 100, cursor }, throwOnError: true })).data,
  listResponses: async (id, cursor) =>
    (await assignmentsControllerResponses({ path: { id }, query: { limit: PAGE_SIZE, cursor }, throwOnError: true })).data,
};

export const surveyKeys = {
  survey: (id: string) => [...studioKeys.all, 'survey', id] as const,
  ofStudy: (studyId: string) => [...studioKeys.study(studyId), 'surveys'] as const,
  participants: (studyId: string) => [...studioKeys.study(studyId), 'participants', 'all'] as const,
  responses: (id: string) => [...studioKeys.all, 'survey', id, 'responses'] as const,
  screeners: [...studioKeys.all, 'surveys', 'screeners'] as const,
};
