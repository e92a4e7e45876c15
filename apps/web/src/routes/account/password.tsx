import { createFileRoute } from '@tanstack/react-router';
import { ChangePasswordPage } from '../../pages/ChangePasswordPage';
import { RequireSignedIn } from '../../session/guards';

export const Route = createFileRoute('/account/password')({
  component: () => (
    <RequireSignedIn>
      <ChangePasswordPage />
    </RequireSignedIn>
  ),
});
