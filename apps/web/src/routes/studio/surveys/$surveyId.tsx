import { createFileRoute } from '@tanstack/react-router';
import { SurveyBuilderPage } from '../../../areas/studio/surveys/SurveyBuilder';

export const Route = createFileRoute('/studio/surveys/$surveyId')({ component: SurveyBuilderRoute });

function SurveyBuilderRoute() {
  const { surveyId } = Route.useParams();
  return <SurveyBuilderPage surveyId={surveyId} />;
}
