import { createFileRoute } from '@tanstack/react-router';
import { Placeholder } from '../../../../areas/studio/Placeholder';

export const Route = createFileRoute('/studio/studies/$studyId/surveys')({ component: () => <Placeholder title="studio.study.surveys" /> });
