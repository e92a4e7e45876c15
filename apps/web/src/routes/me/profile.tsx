import { createFileRoute } from '@tanstack/react-router';
import { ProfilePage } from '../../areas/me/profile/ProfilePage';

export const Route = createFileRoute('/me/profile')({ component: ProfilePage });
