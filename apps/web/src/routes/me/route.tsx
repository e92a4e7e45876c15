import { createFileRoute, Outlet } from '@tanstack/react-router';

// the panellist area: every page under /me is in chunks of its own (autoCodeSplitting)
export const Route = createFileRoute('/me')({ component: Outlet });
