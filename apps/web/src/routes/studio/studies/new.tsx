import { createFileRoute } from '@tanstack/react-router';
import { Placeholder } from '../../../areas/studio/Placeholder';

export const Route = createFileRoute('/studio/studies/new')({ component: () => <Placeholder title="studio.nav.studies" /> });
