import { useQuery } from '@tanstack/react-query';
import { studiesControllerGet, type StudyResponseDto } from '../../api/generated';

export type Study = StudyResponseDto;
export type StudyStatus = Study['status'];

/**
 * Query keys of the studio. Every key starts with 'studio' so that signing out (which clears
 * the cache) and broad invalidations reach them; a section adds its own under its name, e.g.
 * ['studio', 'study', id, 'rounds'] — invalidating studioKeys.study(id) refreshes a whole study.
 */
export const studioKeys = {
  all: ['studio'] as const,
  studies: ['studio', 'studies'] as const,
  study: (id: string) => ['studio', 'study', id] as const,
};

/** One study (its header, its tabs' context): shared by every page under /studio/studies/$studyId. */
export function useStudy(studyId: string) {
  return useQuery({
    queryKey: studioKeys.study(studyId),
    queryFn: async () => (await studiesControllerGet({ path: { id: studyId }, throwOnError: true })).data as Study,
  });
}
