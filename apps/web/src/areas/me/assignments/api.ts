import { queryOptions, infiniteQueryOptions } from '@tanstack/react-query';
import {
  assignmentsControllerMine,
  assignmentsControllerOne,
  assignmentsControllerSave,
  assignmentsControllerSubmit,
  myInvitationsControllerStudies,
} from '../../../api/generated';
import type { Answers, Question } from '../../../surveys/types';

// TODO(schema): GET /me/assignments, GET /me/assignments/:id and GET /me/studies are typed
// `unknown` until their response DTOs land; these narrow types follow the service's views
// (libs/surveys/src/assignments/assignments.service.ts, libs/studies/src/invitations).
export interface MyAssignment {
  id: string;
  surveyId: string;
  studyId: string;
  title: string;
  kind: 'screener' | 'usage' | 'beta' | 'general';
  dueAt: string | null;
  status: 'assigned' | 'submitted';
  submittedAt: string | null;
  pointsCredited: number | null;
}

export interface AssignmentDetail extends MyAssignment {
  survey: { id: string; title: string; kind: string; questions: Question[] };
  answers: Answers;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface MyStudy {
  studyId: string;
  title: string;
}

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
      return data as Page<MyAssignment>; // TODO(schema)
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The titles of my studies by id, to say which study a survey belongs to (best effort). */
export const myStudyTitlesQuery = () =>
  queryOptions({
    queryKey: ['me', 'studies', 'titles'] as const,
    queryFn: async () => {
      const { data } = await myInvitationsControllerStudies({ query: { limit: 100 }, throwOnError: true });
      const page = data as Page<MyStudy>; // TODO(schema)
      return Object.fromEntries(page.items.map((s) => [s.studyId, s.title])) as Record<string, string>;
    },
    staleTime: 5 * 60_000,
  });

export const assignmentQuery = (id: string) =>
  queryOptions({
    queryKey: assignmentKeys.one(id),
    queryFn: async () => {
      const { data } = await assignmentsControllerOne({ path: { id }, throwOnError: true });
      return data as AssignmentDetail; // TODO(schema)
    },
    // a 404 or 403 will not change by asking again
    retry: (count, error) => count < 1 && !(typeof error === 'object' && error !== null && 'status' in error),
  });

export async function saveAnswers(id: string, answers: Record<string, Answers[string] | null>): Promise<AssignmentDetail> {
  const { data } = await assignmentsControllerSave({ path: { id }, body: { answers }, throwOnError: true });
  return data as AssignmentDetail; // TODO(schema)
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
