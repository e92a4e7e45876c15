import { createFileRoute } from '@tanstack/react-router';
import { ResetPage } from '../pages/ResetPage';
import { tokenSearch } from '../search';

export const Route = createFileRoute('/reset')({
  validateSearch: tokenSearch,
  component: function Reset() {
    const { token } = Route.useSearch();
    return <ResetPage token={token} />;
  },
});
