import { createFileRoute } from '@tanstack/react-router';
import { CampaignsPage } from '../../../areas/studio/campaigns/CampaignsPage';

export const Route = createFileRoute('/studio/campaigns/')({ component: () => <CampaignsPage /> });
