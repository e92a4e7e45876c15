import { createFileRoute } from '@tanstack/react-router';
import { RoundsPage } from '../../../../../areas/studio/rounds/RoundsPage';

export const Route = createFileRoute('/studio/studies/$studyId/rounds/')({
  component: function RoundsRoute() {
    const { studyId } = Route.useParams();
    return <RoundsPage studyId={studyId} />;
  },
});
