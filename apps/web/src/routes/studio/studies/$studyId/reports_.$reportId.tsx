import { createFileRoute } from '@tanstack/react-router';
import { ReportPage } from '../../../../areas/studio/reports/ReportPage';

export const Route = createFileRoute('/studio/studies/$studyId/reports_/$reportId')({
  component: function ReportRoute() {
    const { studyId, reportId } = Route.useParams();
    return <ReportPage studyId={studyId} reportId={reportId} />;
  },
});
