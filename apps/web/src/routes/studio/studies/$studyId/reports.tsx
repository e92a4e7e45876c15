import { createFileRoute } from '@tanstack/react-router';
import { Placeholder } from '../../../../areas/studio/Placeholder';

export const Route = createFileRoute('/studio/studies/$studyId/reports')({ component: () => <Placeholder title="studio.study.reports" /> });
