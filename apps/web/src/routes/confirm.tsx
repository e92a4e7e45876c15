import { createFileRoute } from '@tanstack/react-router';
import { ConfirmPage } from '../pages/ConfirmPage';
import { tokenSearch } from '../search';

export const Route = createFileRoute('/confirm')({
  validateSearch: tokenSearch,
  component: function Confirm() {
    const { token } = Route.useSearch();
    return <ConfirmPage token={token} />;
  },
});
