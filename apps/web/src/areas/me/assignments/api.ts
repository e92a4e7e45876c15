import { queryOptions, infiniteQueryOptions } from '@tanstack/react-query';
import {
  assignmentsControllerMine,
  assignmentsControllerOne,
  assignmentsControllerSave,
  assignmentsControllerSubmit,
  myInvitationsControllerStudies,
} from '../../../api/generated';
import type { AssignmentDetailDto, MyAssignmentDto } from '../../../api/generated';
import type { Answers, Question } from '../../../surveys/types';

export type MyAssignment = MyAssignmentDto;

/**
 * GET /me/assignments/:id with its survey as the survey player reads it. The schema's
 * QuestionDoc leaves option values and showIf's fields optional and lets an answer be a boolean
 * (it documents every survey kind loosely); the API only serves published definitions,
 * validated against the survey rules, whose shapes are `Question` and `Answers`.
 */
export type AssignmentDetail = Omit<AssignmentDetailDto, 'survey' | 'answers'> & {
  survey: Omit<AssignmentDetailDto['survey'], 'questions'> & { questions: Question[] };
  answers: Answers;
};

const asDetail = (dto: AssignmentDetailDto) => dto as AssignmentDetail;

export const assignmentKeys = {
  all: ['me', 'assignments'] as const,
  list: () => [...assignmentKeys.all, 'list'] as const,
  one: (id: string) => [...assignmentKeys.all, 'one', id] as const,
};

export const assignmentsQuery = () =>
  infiniteQueryOptions({
    queryKey: assignmentKeys.list(),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const { data } = await assignmentsControllerMine({ query: { limit: 50, cursor: pageParam }, throwOnError: true });
      return data;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The titles of my studies by id, to say which study a survey belongs to (best effort). */
export const myStudyTitlesQuery = () =>
  queryOptions({
    queryKey: ['me', 'studies', 'titles'] as const,
    queryFn: async () => {
      const { data } = await myInvitationsControllerStudies({ query: { limit: 100 }, throwOnError: true });
      return Object.fromEntries(data.items.map((s) => [s.studyId, s.title])) as Record<string, string>;
    },
    staleTime: 5 * 60_000,
  });

export const assignmentQuery = (id: string) =>
  queryOptions({
    queryKey: assignmentKeys.one(id),
    queryFn: async () => {
      const { data } = await assignmentsControllerOne({ path: { id }, throwOnError: true });
      return asDetail(data);
    },
    // a 404 or 403 will not change by asking again
    retry: (count, error) => count < 1 && !(typeof error === 'object' && error !== null && 'status' in error),
  });

export async function saveAnswers(id: string, answers: Record<string, Answers[string] | null>): Promise<AssignmentDetail> {
  const { data } = await assignmentsControllerSave({ path: { id }, body: { answers }, throwOnError: true });
  return asDetail(data);
}

export async function submitAnswers(id: string, answers: Answers, idempotencyKey: string): Promise<{ pointsCredited: number }> {
  const { data } = await assignmentsControllerSubmit({
    path: { id },
    body: { answers },
    headers: { 'Idempotency-Key': idempotencyKey },
    throwOnError: true,
  });
  return data;
}
