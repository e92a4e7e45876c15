import { createFileRoute, Outlet } from '@tanstack/react-router';

// the brand area: its code is never part of a panellist's download
export const Route = createFileRoute('/brand')({ component: Outlet });
