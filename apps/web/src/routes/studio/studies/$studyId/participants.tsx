import { createFileRoute } from '@tanstack/react-router';
import { ParticipantsPage } from '../../../../areas/studio/studies/ParticipantsPage';

export const Route = createFileRoute('/studio/studies/$studyId/participants')({
  component: function ParticipantsRoute() {
    const { studyId } = Route.useParams();
    return <ParticipantsPage studyId={studyId} />;
  },
});
