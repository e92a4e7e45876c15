import { createFileRoute } from '@tanstack/react-router';
import { HomeTestingPage } from '../../../../areas/studio/home-testing/HomeTestingPage';

export const Route = createFileRoute('/studio/studies/$studyId/home-testing')({
  component: function HomeTestingRoute() {
    const { studyId } = Route.useParams();
    return <HomeTestingPage studyId={studyId} />;
  },
});
