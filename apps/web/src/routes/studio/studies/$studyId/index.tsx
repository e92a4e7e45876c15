import { createFileRoute } from '@tanstack/react-router';
import { StudyOverview } from '../../../../areas/studio/studies/StudyOverview';

export const Route = createFileRoute('/studio/studies/$studyId/')({
  component: function StudyOverviewRoute() {
    const { studyId } = Route.useParams();
    return <StudyOverview studyId={studyId} />;
  },
});
