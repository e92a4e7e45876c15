import { createFileRoute } from '@tanstack/react-router';
import { RoundPage } from '../../../../../areas/me/rounds/RoundPage';

// an e-mail link: keep the path
export const Route = createFileRoute('/me/studies/$studyId/rounds/$roundId')({ component: RoundRoute });

function RoundRoute() {
  const { studyId, roundId } = Route.useParams();
  return <RoundPage studyId={studyId} roundId={roundId} />;
}
