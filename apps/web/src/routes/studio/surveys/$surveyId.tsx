import { createFileRoute } from '@tanstack/react-router';
import { Placeholder } from '../../../areas/studio/Placeholder';

export const Route = createFileRoute('/studio/surveys/$surveyId')({ component: () => <Placeholder title="studio.study.surveys" /> });
