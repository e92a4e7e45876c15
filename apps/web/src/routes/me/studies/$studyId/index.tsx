import { createFileRoute } from '@tanstack/react-router';
import { StudyPage } from '../../../../areas/me/studies/StudyPage';

export const Route = createFileRoute('/me/studies/$studyId/')({ component: StudyRoute });

function StudyRoute() {
  const { studyId } = Route.useParams();
  return <StudyPage studyId={studyId} />;
}
