import { createFileRoute } from '@tanstack/react-router';
import { RoundPage } from '../../../../../areas/studio/rounds/RoundPage';

export const Route = createFileRoute('/studio/studies/$studyId/rounds/$roundId')({
  component: function RoundRoute() {
    const { studyId, roundId } = Route.useParams();
    return <RoundPage studyId={studyId} roundId={roundId} />;
  },
});
