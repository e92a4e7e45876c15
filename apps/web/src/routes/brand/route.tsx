import { createFileRoute, Outlet } from '@tanstack/react-router';
import { RequireArea } from '../../session/guards';

// the brand area: its code is never part of a panellist's download
export const Route = createFileRoute('/brand')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/brand">
      <Outlet />
    </RequireArea>
  ),
});
