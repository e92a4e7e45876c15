import { createFileRoute } from '@tanstack/react-router';
import { AdminLayout } from '../../areas/admin/AdminLayout';
import { RequireArea } from '../../session/guards';

// the admin area: its code is never part of a panellist's download
export const Route = createFileRoute('/admin')({
  // signed out → /login?next=…; another role → its own home (session/guards.tsx)
  component: () => (
    <RequireArea area="/admin">
      <AdminLayout />
    </RequireArea>
  ),
});
