import { createFileRoute } from '@tanstack/react-router';
import { InvitationsPage } from '../../areas/me/invitations/InvitationsPage';

// an e-mail link: keep the path
export const Route = createFileRoute('/me/invitations')({ component: () => <InvitationsPage /> });
