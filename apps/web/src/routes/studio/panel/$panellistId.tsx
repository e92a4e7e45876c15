import { createFileRoute } from '@tanstack/react-router';
import { Placeholder } from '../../../areas/studio/Placeholder';

export const Route = createFileRoute('/studio/panel/$panellistId')({ component: () => <Placeholder title="studio.nav.panel" /> });
