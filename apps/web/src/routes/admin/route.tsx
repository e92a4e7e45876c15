import { createFileRoute, Outlet } from '@tanstack/react-router';

// the admin area: its code is never part of a panellist's download
export const Route = createFileRoute('/admin')({ component: Outlet });
