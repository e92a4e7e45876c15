import { createFileRoute } from '@tanstack/react-router';
import { SharedReportPage } from '../pages/SharedReportPage';

// a share link opened in the app: the report natively, no account needed
export const Route = createFileRoute('/r/$token')({ component: SharedReportRoute });

function SharedReportRoute() {
  const { token } = Route.useParams();
  return <SharedReportPage token={token} />;
}
