import { studiesControllerGet } from '../../api/generated';

export const brandKeys = {
  reports: ['brand', 'reports'] as const,
  report: (id: string) => ['brand', 'report', id] as const,
  content: (id: string) => ['brand', 'report', id, 'content'] as const,
  shareLinks: (id: string) => ['brand', 'report', id, 'share-links'] as const,
  study: (id: string) => ['brand', 'study', id] as const,
};

/** The study's title (GET /studies/:id, brand users see their brand's studies). */
export const studyQuery = (studyId: string) => ({
  queryKey: brandKeys.study(studyId),
  queryFn: async () => (await studiesControllerGet({ path: { id: studyId }, throwOnError: true })).data,
  staleTime: 5 * 60_000,
});

/** `leadpanel-report-<study>-v<version>.<ext>`: the study title made file-safe. */
export function reportFileName(title: string | undefined, version: number, ext: 'csv' | 'json' | 'html'): string {
  const slug = (title ?? 'study')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `leadpanel-report-${slug || 'study'}-v${version}.${ext}`;
}
