import { createFileRoute } from '@tanstack/react-router';
import { MeLayout } from '../../areas/me/nav/MeLayout';

// the panellist area: every page under /me is in chunks of its own (autoCodeSplitting)
export const Route = createFileRoute('/me')({ component: MeLayout });
