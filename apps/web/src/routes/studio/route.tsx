import { createFileRoute } from '@tanstack/react-router';
import { StudioLayout } from '../../areas/studio/StudioLayout';
import { RequireArea } from '../../session/guards';

// the studio area: its code and its strings are never part of a panellist's download
export const Route = createFileRoute('/studio')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/studio">
      <StudioLayout />
    </RequireArea>
  ),
});
