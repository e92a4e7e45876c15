import { createFileRoute } from '@tanstack/react-router';
import { PrivacyPage } from '../../areas/me/privacy/PrivacyPage';

export const Route = createFileRoute('/me/privacy')({ component: PrivacyPage });
