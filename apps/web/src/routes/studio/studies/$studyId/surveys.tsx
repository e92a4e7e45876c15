import { createFileRoute } from '@tanstack/react-router';
import { StudySurveysPage } from '../../../../areas/studio/surveys/StudySurveysPage';

export const Route = createFileRoute('/studio/studies/$studyId/surveys')({ component: StudySurveysRoute });

function StudySurveysRoute() {
  const { studyId } = Route.useParams();
  return <StudySurveysPage studyId={studyId} />;
}
