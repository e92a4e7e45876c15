import { createFileRoute } from '@tanstack/react-router';
import { BrandReportPage } from '../../areas/brand/BrandReportPage';

// the link of the "report ready" e-mail: /brand/reports/:reportId (a contract)
export const Route = createFileRoute('/brand/reports/$reportId')({ component: BrandReportRoute });

function BrandReportRoute() {
  const { reportId } = Route.useParams();
  return <BrandReportPage reportId={reportId} />;
}
