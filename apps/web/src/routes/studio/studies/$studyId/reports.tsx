import { createFileRoute } from '@tanstack/react-router';
import { ReportsPage } from '../../../../areas/studio/reports/ReportsPage';

export const Route = createFileRoute('/studio/studies/$studyId/reports')({
  component: function ReportsRoute() {
    const { studyId } = Route.useParams();
    return <ReportsPage studyId={studyId} />;
  },
});
