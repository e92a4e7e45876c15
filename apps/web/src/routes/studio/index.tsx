import { createFileRoute } from '@tanstack/react-router';
import { StudioHome } from '../../areas/studio/StudioHome';

export const Route = createFileRoute('/studio/')({ component: StudioHome });
