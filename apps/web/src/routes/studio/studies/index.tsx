import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { StudiesPage } from '../../../areas/studio/studies/StudiesPage';
import type { StudyStatus } from '../../../areas/studio/api';

const STATUSES: readonly string[] = ['draft', 'recruiting', 'in_field', 'analysing', 'closed'];

// the status filter lives in the URL: a reload or a shared link keeps it
export const Route = createFileRoute('/studio/studies/')({
  validateSearch: (search: Record<string, unknown>): { status?: StudyStatus } =>
    typeof search.status === 'string' && STATUSES.includes(search.status) ? { status: search.status as StudyStatus } : {},
  component: StudiesRoute,
});

function StudiesRoute() {
  const { status } = Route.useSearch();
  const navigate = Route.useNavigate();
  const onStatusChange = useCallback(
    (next?: StudyStatus) => void navigate({ search: next ? { status: next } : {}, replace: true }),
    [navigate],
  );
  return <StudiesPage status={status} onStatusChange={onStatusChange} />;
}
