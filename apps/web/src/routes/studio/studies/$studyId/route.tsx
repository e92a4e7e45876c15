import { createFileRoute } from '@tanstack/react-router';
import { StudyLayout } from '../../../../areas/studio/StudyLayout';

export const Route = createFileRoute('/studio/studies/$studyId')({
  component: function StudyRoute() {
    const { studyId } = Route.useParams();
    return <StudyLayout studyId={studyId} />;
  },
});
