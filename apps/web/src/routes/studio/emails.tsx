import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { EmailsPage } from '../../areas/studio/emails/EmailsPage';

type EmailStatus = 'failed' | 'pending' | 'sent';
const STATUSES: readonly EmailStatus[] = ['failed', 'pending', 'sent'];

export const Route = createFileRoute('/studio/emails')({
  // the status filter lives in the URL (failed unless said)
  validateSearch: (search: Record<string, unknown>): { status?: EmailStatus } => ({
    status: STATUSES.find((s) => s !== 'failed' && s === search.status),
  }),
  component: EmailsRoute,
});

function EmailsRoute() {
  const { status } = Route.useSearch();
  const navigate = Route.useNavigate();
  const onStatusChange = useCallback(
    (next: EmailStatus) => void navigate({ search: { status: next === 'failed' ? undefined : next }, replace: true }),
    [navigate],
  );
  return <EmailsPage status={status ?? 'failed'} onStatusChange={onStatusChange} />;
}
