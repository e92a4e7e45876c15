import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { FeedbackPage } from '../../../../areas/studio/feedback/FeedbackPage';
import { feedbackFiltersOf, type FeedbackFilters } from './-feedback-filters';

export const Route = createFileRoute('/studio/studies/$studyId/feedback')({
  // the filters live in the URL: a reload or a shared link keeps them
  validateSearch: (search: Record<string, unknown>): FeedbackFilters => feedbackFiltersOf(search),
  component: function FeedbackRoute() {
    const { studyId } = Route.useParams();
    const filters = Route.useSearch();
    const navigate = Route.useNavigate();
    const onFiltersChange = useCallback(
      (next: FeedbackFilters) => void navigate({ search: feedbackFiltersOf(next as Record<string, unknown>), replace: true }),
      [navigate],
    );
    return <FeedbackPage studyId={studyId} filters={filters} onFiltersChange={onFiltersChange} />;
  },
});
