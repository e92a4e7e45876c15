import { createFileRoute } from '@tanstack/react-router';
import { MeLayout } from '../../areas/me/nav/MeLayout';
import { RequireArea } from '../../session/guards';

// the panellist area: every page under /me is in chunks of its own (autoCodeSplitting)
export const Route = createFileRoute('/me')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/me">
      <MeLayout />
    </RequireArea>
  ),
});
