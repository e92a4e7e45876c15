import { createFileRoute } from '@tanstack/react-router';
import { StudiesPage } from '../../../areas/me/studies/StudiesPage';

export const Route = createFileRoute('/me/studies/')({ component: () => <StudiesPage /> });
