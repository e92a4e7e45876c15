import { createFileRoute } from '@tanstack/react-router';
import { PanellistPage } from '../../../areas/studio/panel/PanellistPage';

export const Route = createFileRoute('/studio/panel/$panellistId')({ component: PanellistRoute });

function PanellistRoute() {
  const { panellistId } = Route.useParams();
  // a new panellist (a referral link followed) is a new page: no dialog or notice carried over
  return <PanellistPage key={panellistId} panellistId={panellistId} />;
}
