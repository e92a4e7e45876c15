import { createFileRoute } from '@tanstack/react-router';
import { JoinPage } from '../pages/JoinPage';
import { optionalString } from '../search';

export const Route = createFileRoute('/join/$slug')({
  validateSearch: (search: Record<string, unknown>) => ({ ref: optionalString(search.ref) }),
  component: function Join() {
    const { slug } = Route.useParams();
    const { ref } = Route.useSearch();
    return <JoinPage slug={slug} referralCode={ref} />;
  },
});
