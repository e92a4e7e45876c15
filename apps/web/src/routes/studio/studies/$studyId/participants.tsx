import { createFileRoute } from '@tanstack/react-router';
import { Placeholder } from '../../../../areas/studio/Placeholder';

export const Route = createFileRoute('/studio/studies/$studyId/participants')({
  component: () => <Placeholder title="studio.study.participants" />,
});
