import { createFileRoute, redirect } from '@tanstack/react-router';

// the studio opens on its studies
export const Route = createFileRoute('/studio/')({
  beforeLoad: () => {
    throw redirect({ to: '/studio/studies', replace: true });
  },
});
