import { createFileRoute, Outlet } from '@tanstack/react-router';
import { RequireArea } from '../../session/guards';

// the admin area: its code is never part of a panellist's download
export const Route = createFileRoute('/admin')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/admin">
      <Outlet />
    </RequireArea>
  ),
});
