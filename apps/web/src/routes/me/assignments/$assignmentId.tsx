import { createFileRoute } from '@tanstack/react-router';
import { AssignmentPage } from '../../../areas/me/assignments/AssignmentPage';

export const Route = createFileRoute('/me/assignments/$assignmentId')({
  component: function Assignment() {
    const { assignmentId } = Route.useParams();
    return <AssignmentPage assignmentId={assignmentId} />;
  },
});
