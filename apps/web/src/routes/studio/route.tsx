import { createFileRoute, Outlet } from '@tanstack/react-router';
import { RequireArea } from '../../session/guards';

// the studio area: its code is never part of a panellist's download
export const Route = createFileRoute('/studio')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/studio">
      <Outlet />
    </RequireArea>
  ),
});
