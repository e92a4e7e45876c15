import { createFileRoute } from '@tanstack/react-router';
import { NewStudyPage } from '../../../areas/studio/studies/NewStudyPage';

export const Route = createFileRoute('/studio/studies/new')({
  component: function NewStudyRoute() {
    const navigate = Route.useNavigate();
    return <NewStudyPage onCreated={(s) => void navigate({ to: '/studio/studies/$studyId', params: { studyId: s.id } })} />;
  },
});
