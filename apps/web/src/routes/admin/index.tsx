import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { userFiltersOf, type UserFilters } from './-filters';
import { UsersPage } from '../../areas/admin/users/UsersPage';

export const Route = createFileRoute('/admin/')({
  // the filters live in the URL: a reload or a shared link keeps them
  validateSearch: (search: Record<string, unknown>): UserFilters => userFiltersOf(search),
  component: AdminUsersRoute,
});

function AdminUsersRoute() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  const onFiltersChange = useCallback(
    (next: UserFilters) => void navigate({ search: userFiltersOf(next as Record<string, unknown>), replace: true }),
    [navigate],
  );
  return <UsersPage filters={filters} onFiltersChange={onFiltersChange} />;
}
