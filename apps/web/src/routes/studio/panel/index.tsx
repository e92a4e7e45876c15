import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { PanelPage } from '../../../areas/studio/panel/PanelPage';
import { panelFiltersOf, type PanelFilters } from './-filters';

export const Route = createFileRoute('/studio/panel/')({
  // the filters live in the URL: a reload or a shared link keeps them
  validateSearch: (search: Record<string, unknown>): PanelFilters => panelFiltersOf(search),
  component: PanelRoute,
});

function PanelRoute() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  const onFiltersChange = useCallback(
    (next: PanelFilters) => void navigate({ search: panelFiltersOf(next as Record<string, unknown>), replace: true }),
    [navigate],
  );
  return <PanelPage filters={filters} onFiltersChange={onFiltersChange} />;
}
