import { createFileRoute, Outlet } from '@tanstack/react-router';
import { RequireArea } from '../../session/guards';

// the panellist area: every page under /me is in chunks of its own (autoCodeSplitting)
export const Route = createFileRoute('/me')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/me">
      <Outlet />
    </RequireArea>
  ),
});
