import { createFileRoute, Outlet } from '@tanstack/react-router';

// the studio area: its code is never part of a panellist's download
export const Route = createFileRoute('/studio')({ component: Outlet });
